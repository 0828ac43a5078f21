namespace PHDB.Export.Schema;

/// <summary>The type of an exported column, the same in every format.</summary>
public enum ColumnKind
{
    /// <summary>A 64-bit integer: Product Hunt ids and other large integers.</summary>
    BigInt,

    /// <summary>A 32-bit integer: counts, positions, ranks.</summary>
    Count,

    /// <summary>A double-precision number.</summary>
    Real,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An instant in UTC.</summary>
    Timestamp,

    /// <summary>A calendar day without a time.</summary>
    Date,

    /// <summary>UTF-8 text.</summary>
    Text,
}
