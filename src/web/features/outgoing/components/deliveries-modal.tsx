import { Badge, Modal, Stack, Table, Text } from '@mantine/core';
import type { OutgoingDocumentDto } from '../../../../contracts/cascade';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { useDeliveries } from '../api/outgoing';

/** Where a document went in Vinh Danh and who read it first at each unit (read receipts). */
export function DeliveriesModal({ doc, onClose }: { doc: OutgoingDocumentDto; onClose: () => void }) {
  const t = useT();
  const isMobile = useIsMobile();
  const deliveries = useDeliveries(doc.id);
  return (
    <Modal opened onClose={onClose} title={`${doc.numberSymbol} · ${t('web.cascade.outgoing.deliveries')}`} size="lg" fullScreen={isMobile}>
      <Stack gap="sm" data-testid="deliveries">
        <Text size="sm">{doc.title}</Text>
        <ErrorAlert error={deliveries.error} />
        {deliveries.isPending ? (
          <LoadingBlock />
        ) : deliveries.data && deliveries.data.items.length === 0 ? (
          <Text c="dimmed">{t('web.cascade.outgoing.noDeliveries')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('web.cascade.inbox.unit')}</Table.Th>
                  <Table.Th>{t('web.cascade.outgoing.deliveredAt')}</Table.Th>
                  <Table.Th>{t('web.cascade.outgoing.readAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliveries.data?.items.map((d) => (
                  <Table.Tr key={d.inboxItemId} data-testid="delivery-row" data-read={d.readAt ? 'true' : 'false'}>
                    <Table.Td>{d.orgName}</Table.Td>
                    <Table.Td>{formatDateTime(d.deliveredAt)}</Table.Td>
                    <Table.Td>
                      {d.readAt ? (
                        <Text size="sm">
                          {formatDateTime(d.readAt)} · {d.readByName}
                        </Text>
                      ) : (
                        <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
                          {t('web.cascade.outgoing.notRead')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Modal>
  );
}
