using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Storage.Tests;

/// <summary>What a case keeps of what it was scanned with, a model of the investigator's own included.</summary>
public sealed class CaseSetupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sw-setup-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string ModelOfOurOwn(string fittedYaml)
    {
        var root = TrainingData.FindRepositoryRoot(AppContext.BaseDirectory)!;
        var model = Path.Combine(_dir, "district-model.bin");
        File.Copy(Path.Combine(root, TrainingData.ModelPath), model, overwrite: true);
        File.WriteAllText(ModelFile.FittedPolicyPath(model), fittedYaml);
        return model;
    }

    [Fact]
    public void A_model_of_its_own_is_kept_by_hash_and_fitted_weights_under_the_cases_policy()
    {
        var model = ModelOfOurOwn("threshold: 0.7\n");
        var policy = Path.Combine(_dir, "local.yaml");
        File.WriteAllText(policy, "blast_min_copies: 5\n");
        var setup = CaseSetup.FromFiles("case", [], [], null, null, policy, null, model: model);

        using var store = new TempCase();
        using (var db = store.Open())
        {
            setup.Save(db);
        }

        using var again = store.Open();
        var kept = CaseSetup.Load(again)!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(model))), kept.ModelSha256);
        Assert.Equal("threshold: 0.7\n", kept.ModelPolicyYaml);
        Assert.True(kept.SameAs(setup));
        Assert.False(kept.SameAs(setup with { ModelPath = null, ModelSha256 = null, ModelPolicyYaml = null }));
        Assert.False(kept.IsEmpty);

        // The fitted weights under the case's own policy file, over the shipped policy.
        var rules = kept.BuildPolicy();
        Assert.Equal((0.7, 5), (rules.Threshold, rules.BlastMinCopies));
        Assert.Equal(Policy.Default.BlastJaccard, rules.BlastJaccard);
        Assert.NotNull(kept.LoadModel());
    }

    [Fact]
    public void A_case_set_up_before_models_reads_the_shipped_one()
    {
        using var store = new TempCase();
        using var db = store.Open();
        db.SetSetting("case.setup", """{"Name":"old","StaffDomains":["district.example"],"StudentDomains":[],"Custodians":[],"OfficialOffices":[]}""");
        var setup = CaseSetup.Load(db)!;
        Assert.Null(setup.ModelSha256);
        Assert.Equal(Policy.Default.Threshold, setup.BuildPolicy().Threshold);
        Assert.Equal(TextModel.HasEmbedded, setup.LoadModel() is not null);
    }

    [Fact]
    public void A_model_without_its_fitted_weights_or_that_is_no_model_is_refused_when_the_case_is_set_up()
    {
        var model = ModelOfOurOwn("threshold: 0.5\n");
        File.Delete(ModelFile.FittedPolicyPath(model));
        var missing = Assert.Throws<FileNotFoundException>(() => CaseSetup.FromFiles("case", [], [], null, null, null, null, model: model));
        Assert.Contains("district-model.bin.policy.yaml: not found", missing.Message, StringComparison.Ordinal);

        var junk = Path.Combine(_dir, "junk.bin");
        File.WriteAllText(junk, "not a model");
        File.WriteAllText(ModelFile.FittedPolicyPath(junk), "threshold: 0.5\n");
        var bad = Assert.Throws<ConfigurationException>(() => CaseSetup.FromFiles("case", [], [], null, null, null, null, model: junk));
        Assert.Contains("junk.bin: not a SolidWall text model", bad.Message, StringComparison.Ordinal);
    }
}
