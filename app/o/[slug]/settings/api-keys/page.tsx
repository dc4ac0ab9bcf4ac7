import type { Metadata } from "next";
import { CreateApiKeyForm } from "@/components/settings/create-api-key-form";
import { RevokeApiKeyButton } from "@/components/settings/revoke-api-key-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { can } from "@/lib/auth/org-context";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import { getPageContext } from "@/lib/http/page-context";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await getPageContext((await params).slug);
  const keys = await listApiKeys(ctx);
  const manage = can(ctx, "manage_api_keys");
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Services send events with <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>. Keys are stored only as a hash: copy a new key when it is shown.
          </>
        }
      />
      <div className="space-y-6">
        {manage ? (
          <Card title="Create a key">
            <CreateApiKeyForm orgSlug={ctx.orgSlug} />
          </Card>
        ) : null}
        <Card
          title="Keys"
          actions={
            <CsvExportButton
              filename={`${ctx.orgSlug}-api-keys.csv`}
              header={["name", "prefix", "scopes", "created_at", "last_used_at", "revoked_at"]}
              rows={keys.map((k) => [k.name, k.prefix, k.scopes.join(" "), k.createdAt, k.lastUsedAt, k.revokedAt])}
            />
          }
        >
          {keys.length === 0 ? (
            <EmptyState title="No API keys yet">{manage ? "Create one above to start sending events." : "An engineer or admin can create one."}</EmptyState>
          ) : (
            <Table label="API keys">
              <thead>
                <tr>
                  <Th>Name</Th>
                  <Th>Key</Th>
                  <Th>Scopes</Th>
                  <Th>Created</Th>
                  <Th>Last used</Th>
                  <Th>Status</Th>
                  {manage ? <Th /> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {keys.map((key) => (
                  <tr key={key.id}>
                    <Td className="font-medium text-slate-900">{key.name}</Td>
                    <Td className="font-mono text-xs">{key.prefix}…</Td>
                    <Td>
                      <span className="flex gap-1">
                        {key.scopes.map((s) => (
                          <Badge key={s}>{s}</Badge>
                        ))}
                      </span>
                    </Td>
                    <Td>{formatDateTime(key.createdAt, ctx.timeZone)}</Td>
                    <Td>{formatRelative(key.lastUsedAt)}</Td>
                    <Td>{key.revokedAt ? <Badge tone="red">Revoked</Badge> : <Badge tone="green">Active</Badge>}</Td>
                    {manage ? <Td numeric>{key.revokedAt ? null : <RevokeApiKeyButton orgSlug={ctx.orgSlug} id={key.id} name={key.name} />}</Td> : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
