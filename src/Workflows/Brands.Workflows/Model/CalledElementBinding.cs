namespace Brands.Workflows.Model;

/// <summary>Which version of the called process a call activity starts (<c>camunda:calledElementBinding</c>).</summary>
public enum CalledElementBinding
{
    /// <summary>The latest version at the moment of the call (the default).</summary>
    Latest,

    /// <summary>The version that was the latest when the calling version was deployed (deployed with it, or before).</summary>
    Deployment,

    /// <summary>The version numbered by <c>camunda:calledElementVersion</c>.</summary>
    Version,

    /// <summary>The one version whose process carries <c>camunda:versionTag</c> equal to <c>camunda:calledElementVersionTag</c>.</summary>
    VersionTag,
}
