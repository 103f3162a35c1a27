import { useMemo, useState } from 'react';
import { Button, Checkbox, FileInput, Grid, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconSend, IconUpload } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/page-header';
import { OrgPicker } from '../../../components/ui/org-picker';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { registrationTemplateUrl, useBulkRegister, useCreateRegistration, useImportRegistrations, useRegistrationOptions } from '../api/registrations';
import { ItemErrors } from '../components/item-errors';
import type { RegistrationFormSearch } from './search';
import type { RegistrationOptions } from '../../../../contracts/registrations';
import { currentYear } from '../../../lib/format';

const route = getRouteApi('/app/dang-ky/moi');
const MANAGE = new Set(['SYSTEM_ADMIN', 'TDKT_OFFICER', 'CDCS_OFFICER']);
const SHOWN = 300;
interface FormProps {
  o: RegistrationOptions;
  year: number;
  movementId?: number;
  onDone: (orgId: number | undefined) => void;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

/** `/dang-ky/moi`: "Đăng ký thi đua năm …" for a unit (its titles and its members), or a member's own. */
export function RegistrationFormPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const thisYear = currentYear();
  const year = search.year ?? thisYear;
  const defaultUnit = me.roles.find((r) => MANAGE.has(r.role))?.orgId ?? me.roles.find((r) => r.role === 'MEMBER')?.orgId ?? null;
  const unitId = search.unitId ?? defaultUnit;
  const options = useRegistrationOptions({ unitId, year, movementId: search.movementId });
  const onDone = (orgId: number | undefined) => void navigate({ to: '/dang-ky', search: { year, orgId } });
  const set = (patch: Partial<RegistrationFormSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  return (
    <Stack gap="md">
      <PageHeader title={t('web.registrations.form.title', { year })} description={t('web.registrations.form.description')} />
      <Paper withBorder p="sm">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <OrgPicker label={t('web.registrations.field.unit')} value={unitId} onChange={(id) => set({ unitId: id ?? undefined })} required activeOnly data-testid="registration-unit" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select label={t('web.registrations.field.year')} data={[String(thisYear), String(thisYear + 1)]} value={String(year)} onChange={(v) => set({ year: v ? Number(v) : undefined })} allowDeselect={false} data-testid="registration-form-year" />
          </Grid.Col>
        </Grid>
      </Paper>
      {unitId === null && <Text c="dimmed">{t('web.registrations.form.noUnit')}</Text>}
      <ErrorAlert error={options.error} />
      {options.isPending && unitId !== null && <LoadingBlock />}
      {options.data &&
        (options.data.canRegister ? (
          <UnitForm key={`${unitId}-${year}`} o={options.data} year={year} movementId={search.movementId} onDone={onDone} />
        ) : (
          <SelfForm key={`${unitId}-${year}`} o={options.data} year={year} movementId={search.movementId} onDone={onDone} />
        ))}
    </Stack>
  );
}

function UnitForm({ o, year: y, movementId, onDone }: FormProps) {
  const t = useT();
  const bulk = useBulkRegister();
  const upload = useImportRegistrations();
  const [unitAwards, setUnitAwards] = useState<string[]>([]);
  const [choices, setChoices] = useState<Record<number, string | null>>({});
  const [filter, setFilter] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const shown = useMemo(() => o.members.filter((m) => !filter || fold(m.fullName).includes(fold(filter)) || (m.memberCode ?? '').toLowerCase().startsWith(filter.toLowerCase())), [o.members, filter]);
  const picked = Object.entries(choices).filter(([, v]) => v);
  const memberAwardData = o.memberAwards.map((a) => ({ value: a.code, label: a.name }));
  const submit = () =>
    bulk.mutate(
      { unitId: o.unitId, year: y, movementId: movementId ?? null, unitAwardCodes: unitAwards, members: picked.map(([personId, awardCode]) => ({ personId: Number(personId), awardCode: awardCode! })) },
      { onSuccess: () => onDone(o.unitId) },
    );
  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Title order={3} size="h5" mb="xs">{t('web.registrations.form.unitAwards')}</Title>
        <Checkbox.Group value={unitAwards} onChange={setUnitAwards}>
          <Stack gap={6}>
            {o.unitAwards.map((a) => <Checkbox key={a.code} value={a.code} label={a.name} data-testid="registration-unit-award" data-code={a.code} />)}
          </Stack>
        </Checkbox.Group>
      </Paper>
      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Title order={3} size="h5">{t('web.registrations.form.members')}</Title>
          <TextInput placeholder={t('web.registrations.form.filter')} aria-label={t('web.registrations.form.filter')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} data-testid="registration-member-filter" />
        </Group>
        <Table.ScrollContainer minWidth={320}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={{ width: 40 }} />
                <Table.Th>{t('web.registrations.field.name')}</Table.Th>
                <Table.Th>{t('web.registrations.form.award')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.slice(0, SHOWN).map((m) => (
                <Table.Tr key={m.personId} data-testid="registration-member" data-member-code={m.memberCode ?? ''}>
                  <Table.Td>
                    <Checkbox aria-label={m.fullName} checked={!!choices[m.personId]}
                      onChange={(e) => { const on = e.currentTarget.checked; setChoices((c) => ({ ...c, [m.personId]: on ? (c[m.personId] ?? o.memberAwards[0]?.code ?? null) : null })); }} data-testid="registration-member-check" />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.fullName}</Text>
                    <Text size="xs" c="dimmed">{m.memberCode} · {m.unitName}</Text>
                  </Table.Td>
                  <Table.Td style={{ minWidth: 180 }}>
                    <Select aria-label={t('web.registrations.form.award')} placeholder={t('web.registrations.form.chooseAward')} data={memberAwardData} value={choices[m.personId] ?? null} clearable
                      onChange={(v) => setChoices((c) => ({ ...c, [m.personId]: v }))} data-testid="registration-member-award" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <ItemErrors error={bulk.error} />
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">{t('web.registrations.form.count', { unit: unitAwards.length, members: picked.length })}</Text>
        <Button leftSection={<IconSend size={16} aria-hidden />} onClick={submit} loading={bulk.isPending} disabled={unitAwards.length + picked.length === 0} data-testid="registration-submit">
          {t('web.registrations.form.submit')}
        </Button>
      </Group>
      <Paper withBorder p="sm">
        <Title order={3} size="h5" mb="xs">{t('web.registrations.excel.title')}</Title>
        <Text size="sm" c="dimmed" mb="xs">{t('web.registrations.excel.hint')}</Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Button component="a" href={registrationTemplateUrl(o.unitId, y, movementId)} variant="default" leftSection={<IconDownload size={16} aria-hidden />} data-testid="registration-template">
            {t('web.registrations.excel.template')}
          </Button>
          <FileInput label={t('web.registrations.excel.upload')} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" value={file} onChange={setFile} clearable data-testid="registration-file" style={{ minWidth: 220 }} />
          <Button leftSection={<IconUpload size={16} aria-hidden />} disabled={!file} loading={upload.isPending}
            onClick={() => file && upload.mutate({ file, unitId: o.unitId, year: y, movementId }, { onSuccess: () => onDone(o.unitId) })} data-testid="registration-upload">
            {t('web.registrations.excel.upload')}
          </Button>
        </Group>
        <Stack mt="sm"><ItemErrors error={upload.error} /></Stack>
      </Paper>
    </Stack>
  );
}

function SelfForm({ o, year: y, movementId, onDone }: FormProps) {
  const t = useT();
  const me = useMe();
  const create = useCreateRegistration();
  const [award, setAward] = useState<string | null>(null);
  const self = o.members.find((m) => m.personId === me.personId);
  if (!self) return <Text c="dimmed">{t('web.registrations.form.readOnly')}</Text>;
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Title order={3} size="h5">{t('web.registrations.self.title', { year: y })}</Title>
        <Text size="sm">{self.fullName} · {self.unitName}</Text>
        <Select label={t('web.registrations.form.award')} data={o.memberAwards.map((a) => ({ value: a.code, label: a.name }))} value={award} onChange={setAward} data-testid="registration-self-award" />
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button disabled={!award} loading={create.isPending} data-testid="registration-self-submit"
            onClick={() => award && create.mutate({ personId: self.personId, year: y, awardCode: award, movementId: movementId ?? null }, { onSuccess: () => onDone(undefined) })}>
            {t('web.registrations.self.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
