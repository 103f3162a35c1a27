import { defineRoute } from '../../lib/http';
import { myRecord as myRecordDto } from '../../../contracts/me';
import { serialParams } from '../../../contracts/decisions';
import { attachmentHeader } from '../../lib/files';
import { myCertificatePdf, myRecord } from './me.service';

const TAG = 'me';

export const meRoutes = [
  defineRoute({
    method: 'GET',
    url: '/me/record',
    summary: 'The logged-in member’s own record: memberships, achievements, registrations, awards with their certificates, proposals and credits (empty when the user has no person on record)',
    tag: TAG,
    response: myRecordDto,
    handler: ({ app, actor, locale }) => myRecord(app, actor, locale),
  }),
  defineRoute({
    method: 'GET',
    url: '/me/certificates/:serial.pdf',
    summary: 'One certificate of the logged-in member’s own awards as a PDF (404 for anyone else’s)',
    tag: TAG,
    params: serialParams,
    produces: 'application/pdf',
    async handler({ app, actor, locale, params, reply }) {
      const pdf = await myCertificatePdf(app, actor, params.serial, locale);
      return reply.header('content-type', 'application/pdf').header('content-disposition', attachmentHeader(`Giấy khen - ${params.serial}.pdf`)).send(pdf);
    },
  }),
];
