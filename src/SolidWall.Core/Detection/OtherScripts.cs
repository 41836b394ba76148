using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection;

/// <summary>
/// Campaign words and vote asks in the district's languages written in other scripts than Latin, or with Vietnamese
/// letters: Ukrainian, Arabic, Chinese, Vietnamese. Their letters stay out of the lexicon (each distinct letter adds a
/// column for every state of its table, and it counts its letters in a byte), so these patterns run on their own, and only on
/// fields that hold such letters (<see cref="TextField.HasOtherScripts"/>). Patterns read the lower-cased text; the
/// Chinese ones have no word boundaries, since Chinese runs its words together.
/// These patterns, and the signals' own patterns for other scripts, are compiled the first time a message needs them
/// (<c>??=</c>: two threads may each compile one, and either result serves): building them took about 0.4 s of every
/// process's start (`bench -- classify --patterns`), which a scan of English mail or one `classify` never needed.
/// </summary>
internal static class OtherScripts
{
    /// <summary>"Campaign", "candidate", "election", "running for office", "ballot".</summary>
    public static readonly LazyRegex CampaignWords = PhraseScan.Lazy(
        "кампані\\w*|кандидат\\w*|вибор(?:и|ів|ах|ча|чу|чий)\\w*|балотуєт\\w*|бюлетен\\w*"
        + "|حمل(?:ة|ته)\\s+(?:ال)?انتخابي|(?:ال)?مرشح\\w*|(?:ال)?انتخابات|ترشح\\w*"
        + "|від\\s+дверей\\s+до\\s+дверей|طرق\\w*\\s+(?:ال)?أبواب|يطرق\\w*\\s+(?:ال)?أبواب|تطرق\\w*\\s+(?:ال)?أبواب"
        + "|竞选|候选人|选举|競選|候選人|選舉|拉票|挨家挨户|挨家挨戶"
        + "|chiến\\s+dịch\\s+tranh\\s+cử|tranh\\s+cử|ứng\\s+cử\\s+viên|ứng\\s+viên|bầu\\s+cử|vận\\s+động\\s+bầu|gõ\\s+cửa\\s+từng\\s+nhà");

    /// <summary>"Vote for …": Ukrainian "голосуйте за", "проголосувати за", Arabic "صوتوا لـ", Chinese "投票给", Vietnamese "bầu cho".</summary>
    public static readonly LazyRegex VoteAsks = PhraseScan.Lazy(
        "(?:про)?голосуйте\\s+за|(?:про)?голосувати\\s+за|відда(?:йте|ти)\\s+(?:свій\\s+)?голос\\s+за"
        + "|صوّ?توا\\s+(?:لـ|ل)|انتخبوا|أعطوا\\s+صوتكم"
        + "|投票给|投给|请投|投.{0,4}一票|選票投給"
        + "|(?:hãy\\s+)?(?:bầu|bỏ\\s+phiếu)\\s+cho");

    /// <summary>
    /// The vote-intention question and a choice of candidates with an undecided option: Ukrainian "за кого ви
    /// плануєте голосувати", "ще не вирішили"; Arabic "لمن ستصوّت"; Chinese "您打算投哪位", "还没决定"; Vietnamese "định
    /// bầu cho ai", "chưa quyết định". <see cref="Signals.Polling"/> reads them beside campaign words.
    /// </summary>
    public static readonly LazyRegex Polls = PhraseScan.Lazy(
        "за\\s+кого\\s+(?:ви|ти|ваша|наші|плану\\w*|збира\\w*|будете|голосу\\w*)|якби\\s+вибори\\s+(?:відбулися|були)\\s+сьогодні"
        + "|لمن\\s+(?:سوف\\s+)?(?:ست|ت)(?:صو|نتخب|دعم|ؤيد)\\w*|لمن\\s+تنو\\w*\\s+(?:ال)?تصويت|(?:لو|إذا)\\s+(?:جرت|كانت|أجريت)\\s+الانتخابات\\s+اليوم"
        + "|投哪位|投哪一位|投给谁|投給誰|投谁|投誰|支持哪位|支持哪一位|支持谁|支持誰|选谁|選誰"
        + "|(?:bầu|bỏ\\s+phiếu)\\s+cho\\s+ai|(?:định|sẽ)\\s+(?:chọn|bầu|ủng\\s+hộ)\\s+ai"
        // The undecided option, as the last of a list of choices.
        + "|(?:[/,،，、]|\\bчи|\\bабо|أم|أو|还是|還是|或者?|\\bhay|\\bhoặc)\\s*(?:(?:ще|поки\\s+що)\\s+не\\s+(?:вирішил\\w*|визначил\\w*|знаю|знаємо)"
        + "|(?:لم|ما)\\s+(?:أ|ت|ن)?قرر\\w*(?:\\s+بعد)?|还没决定|還沒決定|尚未决定|尚未決定|不确定|不確定|chưa\\s+quyết\\s+định|chưa\\s+biết)");

    /// <summary>
    /// The ask to be listed as a supporter: Ukrainian "записати вас як прихильника", "список прихильників"; Arabic
    /// "إدراج اسمك في قائمة المؤيدين"; Chinese "列为支持者", "支持者名单", "使用您的名字"; Vietnamese "ghi tên … danh sách …
    /// ủng hộ". <see cref="Signals.Questionnaire"/> reads them beside campaign words.
    /// </summary>
    public static readonly LazyRegex SupporterLists = PhraseScan.Lazy(
        "(?:записати|внести|додати|вказати|вписати)\\s+(?:вас|ваше\\s+ім'?я|твоє\\s+ім'?я)[^.?!\\n]*?(?:прихильни\\w*|підтрим\\w*|спис\\w*)|спис\\w*\\s+(?:прихильник|прихильниць)\\w*"
        + "|(?:إدراج|إضافة|وضع|نشر|ذكر)\\s+اسم\\w*[^.?!؟\\n]*?(?:مؤيد\\w*|داعم\\w*|قائمة)|قائمة\\s+(?:ال)?(?:مؤيدين|داعمين)"
        + "|列为支持者|列為支持者|支持者名单|支持者名單|支持名单|支持名單|(?:列出|使用|刊登|写上|寫上|印上)您的名字"
        + "|ghi\\s+tên[^.?!\\n]*?(?:ủng\\s+hộ|danh\\s+sách)|danh\\s+sách[^.?!\\n]*?ủng\\s+hộ");

    /// <summary>
    /// Signatures and petitions: Ukrainian "підписи", "петиція", Arabic "توقيعات", "عريضة", Chinese "签名", "联署",
    /// Vietnamese "chữ ký", "kiến nghị". <see cref="Signals.PetitionDrive"/> reads them beside campaign words.
    /// </summary>
    public static readonly LazyRegex Petitions = PhraseScan.Lazy(
        "підпис(?:и|ів|ами)\\b|петиці\\w*|توقيعات|تواقيع|عريضة|签名|簽名|联署|聯署|请愿|請願|chữ\\s+ký|kiến\\s+nghị");

    /// <summary>
    /// A lesson or homework, where a petition or a ballot is something to study: Ukrainian "на уроці", "домашнє
    /// завдання", Arabic "الدرس", "واجب", Chinese "作业", Vietnamese "bài học", "bài tập" (not "після уроків", after
    /// classes).
    /// </summary>
    public static readonly LazyRegex Lessons = PhraseScan.Lazy(
        "домашн\\w*\\s+завданн\\w*|на\\s+уроці|урок\\s+(?:про|на\\s+тему)|الدرس|واجب|作业|作業|功课|功課|bài\\s+học|bài\\s+tập");

    /// <summary>
    /// True when a character of those scripts occurs: Greek to Arabic and beyond (U+0370–U+1DFF), Vietnamese letters
    /// (U+1EA0–U+1EF9), CJK (U+2E80–U+FAFF); not punctuation such as curly quotes and dashes (U+2000–U+206F). The
    /// first look, one pass, settles most mail, which holds nothing above U+036F.
    /// </summary>
    public static bool Hold(ReadOnlySpan<char> lower) =>
        lower.ContainsAnyInRange('\u0370', '\uffff') && (lower.ContainsAnyInRange('\u0370', '\u1dff') || lower.ContainsAnyInRange('\u1ea0', '\u1ef9') || lower.ContainsAnyInRange('\u2e80', '\ufaff'));
}
