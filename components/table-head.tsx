// A table's header row. Every column is a `th scope="col"`, so a screen reader names each cell by
// its column; a falsy entry leaves a column out (one shown only to some users).
export function TableHead({ columns }: { columns: ReadonlyArray<string | false | null | undefined> }) {
  return (
    <thead>
      <tr>
        {columns.map((column) =>
          column ? (
            <th key={column} scope="col">
              {column}
            </th>
          ) : null,
        )}
      </tr>
    </thead>
  );
}
