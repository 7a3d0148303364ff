import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { Bar } from './BarChart';

/** The same numbers as a chart, as a table (for reading, copying into the annual report). */
export function CountTable({
  caption,
  head,
  countHead,
  rows,
}: {
  caption: string;
  head: string;
  countHead: string;
  rows: Bar[];
}) {
  return (
    <div className="table-scroll">
      <Table size="small" className="count-table">
        <caption>{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{head}</TableHeaderCell>
            <TableHeaderCell>{countHead}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell>{r.label}</TableCell>
              <TableCell className="num">{r.value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
