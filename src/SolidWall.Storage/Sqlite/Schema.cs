namespace SolidWall.Storage.Sqlite;

/// <summary>
/// The case database's schema as an ordered list of migrations: migration <c>i</c> takes a file from
/// <c>PRAGMA user_version = i</c> to <c>i + 1</c>. Never edit a shipped migration; append a new one. docs/FORMATS.md
/// describes the tables for investigators.
/// </summary>
internal static class Schema
{
    /// <summary><c>PRAGMA application_id</c> of a SolidWall case database: "SWCD".</summary>
    public const int ApplicationId = 0x53574344;

    /// <summary>
    /// 16 KiB pages: a message's text (2 KB and more) packs several to a page instead of one and a bit to a 4 KiB
    /// page; measured 13% smaller and faster to write than 4 KiB (docs/BENCHMARKS.md).
    /// </summary>
    public const int PageSize = 16384;

    public static readonly string[] Migrations =
    [
        // 1: items, messages and their text, skipped items, sources, settings, full-text search.
        """
        CREATE TABLE sources(
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            items INTEGER,
            skipped INTEGER,
            completed_at TEXT
        );

        CREATE TABLE items(
            source_id INTEGER NOT NULL,
            offset INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            length INTEGER NOT NULL,
            mailbox TEXT,
            labels TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY(source_id, offset)
        ) WITHOUT ROWID;
        CREATE INDEX items_sha256 ON items(sha256);

        CREATE TABLE skipped(
            source_id INTEGER NOT NULL,
            offset INTEGER NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY(source_id, offset)
        ) WITHOUT ROWID;

        CREATE TABLE messages(
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            message_id TEXT,
            in_reply_to TEXT NOT NULL DEFAULT '[]',
            reference_ids TEXT NOT NULL DEFAULT '[]',
            date TEXT,
            date_offset INTEGER,
            from_address TEXT,
            from_name TEXT,
            to_addresses TEXT NOT NULL DEFAULT '[]',
            cc_addresses TEXT NOT NULL DEFAULT '[]',
            bcc_addresses TEXT NOT NULL DEFAULT '[]',
            subject TEXT NOT NULL DEFAULT '',
            links TEXT NOT NULL DEFAULT '[]',
            electioneering INTEGER NOT NULL,
            score REAL NOT NULL,
            categories TEXT NOT NULL DEFAULT '[]',
            registered_campaign TEXT,
            committee TEXT,
            verdict_json TEXT NOT NULL DEFAULT '{}',
            fingerprints BLOB
        );
        CREATE INDEX messages_date ON messages(date);

        CREATE TABLE message_texts(
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            segments TEXT NOT NULL DEFAULT '[]'
        );

        CREATE TABLE settings(
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE VIEW item_locations AS
            SELECT s.path AS source, i.offset, i.length, i.sha256, i.mailbox, i.labels
            FROM items i JOIN sources s ON s.id = i.source_id;

        CREATE VIEW message_search_content AS
            SELECT m.id, m.subject,
                   coalesce(m.from_address, '') || ' ' || coalesce(m.from_name, '') AS sender,
                   m.to_addresses || ' ' || m.cc_addresses || ' ' || m.bcc_addresses AS recipients,
                   t.text
            FROM messages m JOIN message_texts t ON t.id = m.id;

        CREATE VIRTUAL TABLE message_search USING fts5(
            subject, sender, recipients, text,
            content = 'message_search_content', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        -- Indexing in large chunks: a 64 MB pending-terms buffer writes fewer, larger index segments than the 1 MB default.
        INSERT INTO message_search(message_search, rank) VALUES('hashsize', 67108864);

        -- Messages with id up to indexed_through are in message_search (see SearchIndex).
        CREATE TABLE search_index_state(indexed_through INTEGER NOT NULL);
        INSERT INTO search_index_state VALUES(0);
        """,

        // 2: the electioneering messages by SHA-256. A report's first pass reads only those (a few percent of a case);
        // without this index it read every row of the table to find them.
        """
        CREATE INDEX messages_electioneering ON messages(sha256) WHERE electioneering = 1;
        """,

        // 3: the encryption a message's content is under (S/MIME, PGP/MIME, Microsoft Purview), null when it was read.
        // Messages stored before it were not looked at: how many is kept as the setting case.encryption_unrecorded, for
        // the report's limits.
        """
        ALTER TABLE messages ADD COLUMN encryption TEXT;
        CREATE INDEX messages_encrypted ON messages(sha256) WHERE encryption IS NOT NULL;
        INSERT INTO settings(key, value) SELECT 'case.encryption_unrecorded', count(*) FROM messages HAVING count(*) > 0;
        """,

        // 4: the attached files a message carried that could not be read (a JSON list of "name (format): problem"),
        // null when every one was read. Messages stored before it had no attachment read at all: how many is kept as the
        // setting case.attachments_unrecorded, for the report's limits.
        """
        ALTER TABLE messages ADD COLUMN unread_attachments TEXT;
        CREATE INDEX messages_unread_attachments ON messages(sha256) WHERE unread_attachments IS NOT NULL;
        INSERT INTO settings(key, value) SELECT 'case.attachments_unrecorded', count(*) FROM messages HAVING count(*) > 0;
        """,

        // 5: the full-text index reads the text of attached files too (message_texts.attachments: the attachment
        // segments' texts, one blank line apart; null when none was read), after the message's text, so that a search for
        // a word only a flyer holds finds the message that carried it. The index is rebuilt from the new view; messages
        // stored before have no attachments read (case.attachments_unrecorded).
        """
        ALTER TABLE message_texts ADD COLUMN attachments TEXT;
        DROP VIEW message_search_content;
        CREATE VIEW message_search_content AS
            SELECT m.id, m.subject,
                   coalesce(m.from_address, '') || ' ' || coalesce(m.from_name, '') AS sender,
                   m.to_addresses || ' ' || m.cc_addresses || ' ' || m.bcc_addresses AS recipients,
                   CASE WHEN t.attachments IS NULL THEN t.text ELSE t.text || char(10, 10) || t.attachments END AS text
            FROM messages m JOIN message_texts t ON t.id = m.id;
        INSERT INTO message_search(message_search) VALUES('rebuild');
        UPDATE search_index_state SET indexed_through = coalesce((SELECT max(id) FROM messages), 0);
        """,
    ];

    public static int Latest => Migrations.Length;
}
