using PHDB.Export.Schema;

namespace PHDB.Export.Reading;

/// <summary>
/// Up to <see cref="Capacity"/> rows of one table, held column by column in typed arrays of nullable values
/// (<c>long?[]</c>, <c>int?[]</c>, <c>double?[]</c>, <c>bool?[]</c>, <see cref="DateTime"/><c>?[]</c> in UTC,
/// <see cref="DateOnly"/><c>?[]</c>, <c>string?[]</c>, by <see cref="ColumnKind"/>). The reader refills the same batch,
/// so a writer must be done with it when its <c>WriteAsync</c> returns.
/// </summary>
public sealed class RowBatch
{
    private readonly Array[] columns;

    /// <summary>Creates an empty batch for <paramref name="table"/>.</summary>
    public RowBatch(ExportTable table, int capacity)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Table = table;
        Capacity = capacity;
        columns = [.. table.Columns.Select(c => CreateColumn(c.Kind, capacity))];
    }

    /// <summary>The table the rows belong to.</summary>
    public ExportTable Table { get; }

    /// <summary>How many rows the batch can hold.</summary>
    public int Capacity { get; }

    /// <summary>How many rows it holds now (the first <see cref="Count"/> entries of every column).</summary>
    public int Count { get; private set; }

    /// <summary>Whether the batch is full.</summary>
    public bool IsFull => Count == Capacity;

    /// <summary>The values of column <paramref name="column"/>: an array typed by its kind, valid up to <see cref="Count"/>.</summary>
    public Array Column(int column) => columns[column];

    /// <summary>The values of an <see cref="ColumnKind.BigInt"/> column.</summary>
    public long?[] Int64s(int column) => (long?[])columns[column];

    /// <summary>The values of an <see cref="ColumnKind.Count"/> column.</summary>
    public int?[] Int32s(int column) => (int?[])columns[column];

    /// <summary>The values of a <see cref="ColumnKind.Real"/> column.</summary>
    public double?[] Doubles(int column) => (double?[])columns[column];

    /// <summary>The values of a <see cref="ColumnKind.Boolean"/> column.</summary>
    public bool?[] Booleans(int column) => (bool?[])columns[column];

    /// <summary>The values of a <see cref="ColumnKind.Timestamp"/> column, in UTC.</summary>
    public DateTime?[] Timestamps(int column) => (DateTime?[])columns[column];

    /// <summary>The values of a <see cref="ColumnKind.Date"/> column.</summary>
    public DateOnly?[] Dates(int column) => (DateOnly?[])columns[column];

    /// <summary>The values of a <see cref="ColumnKind.Text"/> column.</summary>
    public string?[] Texts(int column) => (string?[])columns[column];

    /// <summary>The value at (<paramref name="row"/>, <paramref name="column"/>), boxed; <c>null</c> for NULL.</summary>
    public object? GetValue(int row, int column) => columns[column].GetValue(row);

    /// <summary>Makes room for one more row and returns its index; the caller fills every column.</summary>
    public int AddRow()
    {
        if (Count == Capacity)
        {
            throw new InvalidOperationException("The batch is full.");
        }

        return Count++;
    }

    /// <summary>Empties the batch (the arrays are reused; text references are dropped).</summary>
    public void Clear()
    {
        for (var c = 0; c < columns.Length; c++)
        {
            Array.Clear(columns[c], 0, Count);
        }

        Count = 0;
    }

    private static Array CreateColumn(ColumnKind kind, int capacity) =>
        kind switch
        {
            ColumnKind.BigInt => new long?[capacity],
            ColumnKind.Count => new int?[capacity],
            ColumnKind.Real => new double?[capacity],
            ColumnKind.Boolean => new bool?[capacity],
            ColumnKind.Timestamp => new DateTime?[capacity],
            ColumnKind.Date => new DateOnly?[capacity],
            ColumnKind.Text => new string?[capacity],
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind."),
        };
}
