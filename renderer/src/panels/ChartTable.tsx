/**
 * The table behind a chart, for assistive technology: the chart's numbers as rows (visually
 * hidden; a screen reader reads it as a table with headers). The rows are built by the chart's
 * own pure function from the data it draws, figures through `shared/text`.
 */
export function ChartTable({
  caption,
  headers,
  rows,
  testId,
}: {
  caption: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  testId: string;
}) {
  return (
    <table className="visually-hidden" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={`${i}-${row[0] ?? ''}`}>
            {row.map((cell, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={j}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
