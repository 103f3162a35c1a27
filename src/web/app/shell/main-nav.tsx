import { NavLink, Stack } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { IconAward, IconCalendar, IconFlag, IconClipboardCheck, IconChecklist, IconFileText, IconFileImport, IconHistory, IconListCheck, IconScale, IconSitemap, IconUsers, IconUserShield, IconUsersGroup } from '@tabler/icons-react';
import type { MessageKey } from '../../../contracts/messages';
import { useT } from '../../lib/i18n';
import { IconCheckbox, IconGavel } from '@tabler/icons-react';
import { IconInbox, IconBellRinging, IconBook2, IconReportAnalytics, IconTemplate, IconFileCertificate, IconFileCheck, IconMail, IconSpeakerphone } from '@tabler/icons-react';
import { IconConfetti } from '@tabler/icons-react';
import { IconCertificate } from '@tabler/icons-react';
import { IconMessageReport } from '@tabler/icons-react';
import { IconZoomCheck } from '@tabler/icons-react';
import { IconBulb } from '@tabler/icons-react';
import { IconFileAnalytics } from '@tabler/icons-react';
import { IconHeartHandshake, IconUserCircle } from '@tabler/icons-react';
import { IconStars } from '@tabler/icons-react';
import { IconChartBar } from '@tabler/icons-react';
import { IconTable } from '@tabler/icons-react';
import type { Role } from '../../../contracts/enums';
import type { Me } from '../../../contracts/auth';
import { useMe } from '../../lib/session';
import { InboxNavBadge } from '../../features/inbox/components/inbox-nav-badge';

type NavPath = '/' | '/to-chuc' | '/doan-vien' | '/xet-dieu-kien' | '/ke-hoach' | '/phong-trao' | '/lich' | '/dang-ky' | '/cum-thi-dua' | '/cham-diem' | '/mau-cham-diem' | '/danh-muc-khen-thuong' | '/quy-tac-xet' | '/nhap-du-lieu' | '/nguoi-dung' | '/nhat-ky' | '/hop-thu' | '/yeu-cau' | '/so-van-ban-di' | '/de-nghi' | '/tham-dinh' | '/thu-dien-tu' | '/lay-y-kien' | '/hoi-dong' | '/bo-phieu' | '/quyet-dinh' | '/mau-giay-khen' | '/le-trao-tang' | '/khieu-nai' | '/kiem-tra' | '/mo-hinh' | '/cua-toi' | '/de-xuat-nguoi-tot' | '/guong-dien-hinh' | '/tong-quan' | '/bao-cao' | '/bieu-mau-thong-ke';

interface NavItem {
  to: NavPath;
  label: MessageKey;
  icon: typeof IconSitemap;
  /** A global ability from `Me.abilities` needed to see the item. */
  ability?: string;
  /** Roles (on any organisation) needed to see the item. */
  roles?: readonly Role[];
  /** Any other condition on the signed-in user (e.g. has a member record). */
  when?: (me: Me) => boolean;
  /** Shown at the right of the item (e.g. the unread count). */
  right?: () => React.ReactNode;
}

const ITEMS: NavItem[] = [
  { to: '/', label: 'web.nav.home', icon: IconChecklist },
  { to: '/tong-quan', label: 'web.dashboard.nav', icon: IconChartBar, roles: ['TDKT_OFFICER', 'SYSTEM_ADMIN', 'VIEWER', 'COUNCIL_MEMBER'] },
  { to: '/bao-cao', label: 'web.reports.nav', icon: IconFileAnalytics, roles: ['TDKT_OFFICER', 'SYSTEM_ADMIN', 'VIEWER', 'COUNCIL_MEMBER', 'CDCS_OFFICER'] },
  { to: '/bieu-mau-thong-ke', label: 'web.reportTemplates.nav', icon: IconTable, roles: ['TDKT_OFFICER', 'CDCS_OFFICER', 'SYSTEM_ADMIN', 'VIEWER', 'COUNCIL_MEMBER'] },
  { to: '/cua-toi', label: 'web.me.nav', icon: IconUserCircle, when: (me) => me.personId !== null },
  { to: '/hop-thu', label: 'web.cascade.nav.inbox', icon: IconInbox, right: InboxNavBadge },
  { to: '/to-chuc', label: 'web.nav.organisations', icon: IconSitemap },
  { to: '/doan-vien', label: 'web.nav.members', icon: IconUsers },
  { to: '/xet-dieu-kien', label: 'web.nav.eligibility', icon: IconListCheck },
  { to: '/ke-hoach', label: 'web.nav.plans', icon: IconFileText },
  { to: '/yeu-cau', label: 'web.cascade.nav.requests', icon: IconBellRinging },
  { to: '/so-van-ban-di', label: 'web.cascade.nav.outgoing', icon: IconBook2 },
  { to: '/phong-trao', label: 'web.nav.movements', icon: IconFlag },
  { to: '/lich', label: 'web.nav.calendar', icon: IconCalendar },
  { to: '/dang-ky', label: 'web.registrations.nav', icon: IconClipboardCheck },
  { to: '/cum-thi-dua', label: 'web.clusters.nav', icon: IconUsersGroup },
  { to: '/cham-diem', label: 'web.scoring.nav', icon: IconReportAnalytics },
  { to: '/de-nghi', label: 'web.nominations.nav', icon: IconFileCertificate },
  { to: '/tham-dinh', label: 'web.nominations.appraisal.nav', icon: IconFileCheck, roles: ['TDKT_OFFICER', 'SYSTEM_ADMIN'] },
  { to: '/lay-y-kien', label: 'web.consultations.nav', icon: IconSpeakerphone, roles: ['TDKT_OFFICER', 'SYSTEM_ADMIN', 'COUNCIL_MEMBER'] },
  { to: '/hoi-dong', label: 'web.councils.nav', icon: IconGavel, roles: ['TDKT_OFFICER', 'SYSTEM_ADMIN', 'COUNCIL_MEMBER'] },
  // A council seat belongs to a person: a user linked to a member record may sit on a council whatever their role.
  { to: '/bo-phieu', label: 'web.councils.ballots.nav', icon: IconCheckbox, when: (me) => me.personId !== null || me.roles.some((r) => r.role === 'COUNCIL_MEMBER') },
  { to: '/quyet-dinh', label: 'web.decisions.nav', icon: IconFileCertificate, roles: ['TDKT_OFFICER', 'SYSTEM_ADMIN', 'VIEWER', 'COUNCIL_MEMBER'] },
  { to: '/mau-giay-khen', label: 'web.certificateTemplates.nav', icon: IconCertificate, roles: ['TDKT_OFFICER', 'SYSTEM_ADMIN'] },
  { to: '/le-trao-tang', label: 'web.ceremonies.nav', icon: IconConfetti, roles: ['TDKT_OFFICER', 'SYSTEM_ADMIN', 'VIEWER', 'COUNCIL_MEMBER'] },
  { to: '/khieu-nai', label: 'web.complaints.nav', icon: IconMessageReport, roles: ['TDKT_OFFICER', 'SYSTEM_ADMIN'] },
  { to: '/kiem-tra', label: 'web.inspections.nav', icon: IconZoomCheck, roles: ['TDKT_OFFICER', 'SYSTEM_ADMIN', 'VIEWER'] },
  { to: '/mo-hinh', label: 'web.models.nav', icon: IconBulb, roles: ['TDKT_OFFICER', 'CDCS_OFFICER', 'SYSTEM_ADMIN', 'VIEWER'] },
  { to: '/de-xuat-nguoi-tot', label: 'web.proposals.nav', icon: IconHeartHandshake, roles: ['TDKT_OFFICER', 'CDCS_OFFICER', 'SYSTEM_ADMIN', 'VIEWER'] },
  { to: '/guong-dien-hinh', label: 'web.stories.nav', icon: IconStars, roles: ['TDKT_OFFICER', 'CDCS_OFFICER', 'SYSTEM_ADMIN', 'VIEWER'] },
  { to: '/mau-cham-diem', label: 'web.scoring.templates.nav', icon: IconTemplate },
  { to: '/danh-muc-khen-thuong', label: 'web.nav.awards', icon: IconAward },
  { to: '/quy-tac-xet', label: 'web.nav.rules', icon: IconScale },
  { to: '/nhap-du-lieu', label: 'web.nav.import', icon: IconFileImport },
  { to: '/nguoi-dung', label: 'web.nav.users', icon: IconUserShield, ability: 'users.manage' },
  { to: '/nhat-ky', label: 'web.nav.audit', icon: IconHistory, ability: 'audit.read' },
  { to: '/thu-dien-tu', label: 'web.nav.outbox', icon: IconMail, ability: 'mail.outbox' },
];

function isActive(pathname: string, to: NavPath): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

export function MainNav({ abilities, onNavigate }: { abilities: string[]; onNavigate: () => void }) {
  const t = useT();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const me = useMe();
  return (
    <Stack gap={2} component="nav">
      {ITEMS.filter((item) => (!item.ability || abilities.includes(item.ability)) && (!item.roles || me.roles.some((r) => item.roles?.includes(r.role))) && (!item.when || item.when(me))).map((item) => {
        const active = isActive(pathname, item.to);
        return (
          <NavLink
            key={item.to}
            label={t(item.label)}
            leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
            active={active}
            rightSection={item.right ? <item.right /> : undefined}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
            renderRoot={(props) => <Link to={item.to} {...props} />}
          />
        );
      })}
    </Stack>
  );
}
