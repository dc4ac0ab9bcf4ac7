import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { EVENT_FIELDS } from "@/lib/imports/event-fields";

/** Which columns an events CSV may have, the other names they are recognised by, and their format. */
export function EventsFieldGuide() {
  return (
    <Table label="Event columns">
      <thead>
        <tr>
          <Th>Column</Th>
          <Th>Also recognised as</Th>
          <Th>Format</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {EVENT_FIELDS.map((f) => (
          <tr key={f.field} className="align-top">
            <Td>
              <span className="font-mono text-xs text-slate-900">{f.field.replace(/^usage\./, "")}</span> {f.required ? <Badge tone="accent">required</Badge> : null}
            </Td>
            <Td className="font-mono text-xs">{f.aliases.length > 0 ? f.aliases.join(", ") : "—"}</Td>
            <td className="px-5 py-2.5 text-slate-600">{f.hint || "Text, up to 200 characters"}</td>
          </tr>
        ))}
        <tr className="align-top">
          <Td>
            <span className="font-mono text-xs text-slate-900">tag.&lt;key&gt;</span>
          </Td>
          <Td className="font-mono text-xs">tags.&lt;key&gt;</Td>
          <td className="px-5 py-2.5 text-slate-600">One column per tag, e.g. tag.region; up to 32 tags</td>
        </tr>
      </tbody>
    </Table>
  );
}
