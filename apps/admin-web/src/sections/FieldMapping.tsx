import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, messageOf, type Schemas } from '../api/client';
import { keys } from '../tenant-queries';

type Row = Schemas['FieldMappingRowResponse'];

/** Both tables as this tenant runs them; the iCIMS field id behind each row can be changed (custom fields). */
export function FieldMapping({ tenantId }: { tenantId: string }) {
  const client = useQueryClient();
  const mapping = useQuery({ queryKey: ['field-mapping', tenantId], queryFn: () => call(api.GET('/admin/tenants/{tenantId}/icims/field-mapping', { params: { path: { tenantId } } })) });
  /** Edited ids by name; null puts the default back. */
  const [edits, setEdits] = useState<Record<string, string | null>>({});
  const save = useMutation({
    // The generated type of this body is loose (a free-form object); the API validates every name and id.
    mutationFn: () => call(api.PUT('/admin/tenants/{tenantId}/icims/field-ids', { params: { path: { tenantId } }, body: { fieldIds: edits as Schemas['FieldIdsDto']['fieldIds'] } })),
    onSuccess: () => {
      setEdits({});
      void client.invalidateQueries({ queryKey: ['field-mapping', tenantId] });
      void client.invalidateQueries({ queryKey: keys.settings(tenantId) });
      void client.invalidateQueries({ queryKey: keys.changes(tenantId) });
    },
  });

  if (mapping.isPending) return <p role="status">Loading the field mapping…</p>;
  if (mapping.isError) return <p className="error" role="alert">{messageOf(mapping.error)}</p>;

  const valueOf = (row: Row) => (row.fieldIdName && row.fieldIdName in edits ? (edits[row.fieldIdName] ?? '') : (row.fieldId ?? ''));
  const table = (title: string, id: string, rows: Row[], from: string, to: string) => (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{from}</th>
              <th scope="col">{to}</th>
              <th scope="col">iCIMS field id</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const [icimsSide, hrSide] = from === 'iCIMS' ? [row.icimsField, row.hrField] : [row.hrField, row.icimsField];
              const inputId = `${id}-${index}`;
              return (
                <tr key={inputId}>
                  <td>{icimsSide}</td>
                  <td>{hrSide}</td>
                  <td>
                    {row.fieldIdName ? (
                      <span className="field-id">
                        <label className="visually-hidden" htmlFor={inputId}>
                          iCIMS field id for {row.icimsField}
                        </label>
                        <input id={inputId} value={valueOf(row)} placeholder="default" onChange={(event) => setEdits({ ...edits, [row.fieldIdName!]: event.target.value.trim() || null })} />
                        {row.overridden && <span className="tag">custom</span>}
                      </span>
                    ) : (
                      <span className="hint">the person's id</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <p className="hint">Real iCIMS sites often keep SSN, job code, department, location and the ADP associate id in custom fields (customfield1234). Rows sharing an iCIMS field (the address, the email) change together. Empty puts the default back.</p>
      {table('From iCIMS to HR', 'import-table', mapping.data.imports, 'iCIMS', 'HR')}
      {table('From HR to iCIMS', 'export-table', mapping.data.exports, 'HR', 'iCIMS')}
      {save.isError && <p className="error" role="alert">{messageOf(save.error)}</p>}
      {save.isSuccess && <p className="success" role="status">Field ids saved.</p>}
      <button type="submit" className="primary" disabled={Object.keys(edits).length === 0 || save.isPending}>
        Save field ids
      </button>
    </form>
  );
}
