"use client";

import { Select } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { describeField, EVENT_FIELDS, tagKeyOfHeader, TAG_FIELD_PREFIX, type EventFieldDefinition } from "@/lib/imports/event-fields";
import type { ImportColumn } from "@/lib/imports/types";

const GROUPS: EventFieldDefinition["group"][] = ["Required", "Usage", "Cost and result", "Attribution"];

/** The tag a column could fill: its `tag.<key>` key, else its header as the key. */
function tagFieldFor(header: string): string | null {
  const key = tagKeyOfHeader(header) ?? header.trim();
  return key ? `${TAG_FIELD_PREFIX}${key}` : null;
}

function FieldSelect({ column, position, disabled, onChange }: { column: ImportColumn; position: number; disabled?: boolean; onChange: (field: string | null) => void }) {
  const tagOptions = [...new Set([tagFieldFor(column.header), column.field?.startsWith(TAG_FIELD_PREFIX) ? column.field : null].filter((f): f is string => f !== null))];
  return (
    <Select
      id={`import-column-${position}`}
      aria-label={`Field for column ${column.header ? `“${column.header}”` : position + 1}`}
      value={column.field ?? ""}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value || null)}
    >
      <option value="">Ignore this column</option>
      {GROUPS.map((group) => (
        <optgroup key={group} label={group}>
          {EVENT_FIELDS.filter((f) => f.group === group).map((f) => (
            <option key={f.field} value={f.field}>
              {f.label} ({f.field})
            </option>
          ))}
        </optgroup>
      ))}
      {tagOptions.length > 0 ? (
        <optgroup label="Tags">
          {tagOptions.map((field) => (
            <option key={field} value={field}>
              {describeField(field)?.label} ({field})
            </option>
          ))}
        </optgroup>
      ) : null}
    </Select>
  );
}

/** A field another import kind offers instead of the event fields. */
export type MappingFieldOption = { field: string; label: string };

function PlainFieldSelect({ column, position, fields, disabled, onChange }: { column: ImportColumn; position: number; fields: MappingFieldOption[]; disabled?: boolean; onChange: (field: string | null) => void }) {
  return (
    <Select
      id={`import-column-${position}`}
      aria-label={`Field for column ${column.header ? `“${column.header}”` : position + 1}`}
      value={column.field ?? ""}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value || null)}
    >
      <option value="">Ignore this column</option>
      {fields.map((f) => (
        <option key={f.field} value={f.field}>
          {f.label} ({f.field})
        </option>
      ))}
    </Select>
  );
}

/**
 * The file's columns, an example value of each, and the field each fills, changeable. The event
 * fields (with tags) unless `fields` lists another kind's.
 */
export function ColumnMappingTable({
  columns,
  disabled,
  onChange,
  fields,
}: {
  columns: ImportColumn[];
  disabled?: boolean;
  onChange: (header: string, field: string | null) => void;
  fields?: MappingFieldOption[];
}) {
  return (
    <Table label="Column mapping">
      <thead>
        <tr>
          <Th>Column in the file</Th>
          <Th>Example</Th>
          <Th>Imported as</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {columns.map((column, position) => (
          <tr key={`${position}:${column.header}`} className={column.field ? "" : "bg-slate-50/70"}>
            <Td className="font-mono text-xs text-slate-900">{column.header || <span className="font-sans italic text-slate-500">(no header)</span>}</Td>
            <Td className="max-w-56 truncate font-mono text-xs">
              {column.example ? <span title={column.example}>{column.example}</span> : <span className="font-sans text-slate-400">empty</span>}
            </Td>
            <td className="min-w-72 px-5 py-1.5">
              {fields ? (
                <PlainFieldSelect column={column} position={position} fields={fields} disabled={disabled || !column.header} onChange={(field) => onChange(column.header, field)} />
              ) : (
                <FieldSelect column={column} position={position} disabled={disabled || !column.header} onChange={(field) => onChange(column.header, field)} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
