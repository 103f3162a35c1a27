import { useState } from 'react';
import { ActionIcon, Loader, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { IconChevronDown, IconChevronRight, IconPoint } from '@tabler/icons-react';
import type { OrgSummary } from '../../../../contracts/organisations';
import { useT } from '../../../lib/i18n';
import { OrgStatusBadge } from '../../../components/ui/org-status-badge';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useOrg } from '../api/get-org';
import { useOrgChildren } from '../api/get-org-children';
import classes from './org-tree.module.css';

interface TreeState {
  selectedId: number | undefined;
  showInactive: boolean;
  isExpanded: (id: number) => boolean;
  toggle: (id: number) => void;
}

interface OrgTreeProps {
  roots: { id: number; name: string }[];
  selectedId: number | undefined;
  showInactive: boolean;
  /** Units to open so that the selected one is visible (its ancestors). */
  revealIds: number[];
}

/**
 * The organisation tree from the user's scope roots down. Children are fetched when a unit is
 * opened (the tree of a province federation has thousands of units). Nested lists of links and
 * toggle buttons keep it usable with the keyboard and screen readers.
 */
export function OrgTree({ roots, selectedId, showInactive, revealIds }: OrgTreeProps) {
  const t = useT();
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set([...roots.map((r) => r.id), ...revealIds]));
  const revealKey = revealIds.join(',');
  const [revealed, setRevealed] = useState(revealKey);
  // Opening a unit from elsewhere (a link, the URL) opens its ancestors too.
  if (revealed !== revealKey) {
    setRevealed(revealKey);
    setExpanded((current) => new Set([...current, ...revealIds]));
  }

  const state: TreeState = {
    selectedId,
    showInactive,
    isExpanded: (id) => expanded.has(id),
    toggle: (id) =>
      setExpanded((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
  };

  return (
    <nav aria-label={t('web.org.treeTitle')}>
      <ul className={classes.tree} data-testid="org-tree">
        {roots.map((root) => (
          <RootNode key={root.id} root={root} state={state} />
        ))}
      </ul>
    </nav>
  );
}

/** A scope root is known only by id and name until its own record arrives. */
function RootNode({ root, state }: { root: { id: number; name: string }; state: TreeState }) {
  const { data } = useOrg(root.id);
  const org: Pick<OrgSummary, 'id' | 'name' | 'status' | 'childCount'> = data ?? { id: root.id, name: root.name, status: 'ACTIVE', childCount: 1 };
  return <TreeNode org={org} state={state} />;
}

function TreeNode({ org, state }: { org: Pick<OrgSummary, 'id' | 'name' | 'status' | 'childCount'>; state: TreeState }) {
  const t = useT();
  const open = state.isExpanded(org.id);
  // Whether `childCount` includes ended/merged sub-units is the server's business; when those are
  // shown, any unit may have some, so every unit can be opened.
  const hasChildren = org.childCount > 0 || state.showInactive;
  const selected = state.selectedId === org.id;
  const inactive = org.status !== 'ACTIVE';
  return (
    <li className={classes.item}>
      <div className={classes.row} data-selected={selected || undefined}>
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => state.toggle(org.id)}
            aria-expanded={open}
            aria-label={t(open ? 'web.org.collapse' : 'web.org.expand', { name: org.name })}
          >
            {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </ActionIcon>
        ) : (
          <span className={classes.leaf} aria-hidden>
            <IconPoint size={12} />
          </span>
        )}
        <Link
          to="/to-chuc/$orgId"
          params={{ orgId: org.id }}
          search={{ showInactive: state.showInactive || undefined }}
          className={classes.link}
          data-inactive={inactive || undefined}
          aria-current={selected ? 'page' : undefined}
        >
          {org.name}
        </Link>
        <OrgStatusBadge status={org.status} hideActive />
      </div>
      {hasChildren && open && <Children parentId={org.id} state={state} />}
    </li>
  );
}

function Children({ parentId, state }: { parentId: number; state: TreeState }) {
  const t = useT();
  const { data, isPending, error } = useOrgChildren(parentId, state.showInactive);
  if (isPending) {
    return (
      <div className={classes.message}>
        <Loader size={14} role="status" aria-label={t('web.common.loading')} />
      </div>
    );
  }
  if (error) {
    return (
      <div className={classes.message}>
        <ErrorAlert error={error} />
      </div>
    );
  }
  if (data.length === 0) {
    return (
      <Text size="xs" c="dimmed" className={classes.message}>
        {t('web.org.noChildren')}
      </Text>
    );
  }
  return (
    <ul className={classes.group}>
      {data.map((child) => (
        <TreeNode key={child.id} org={child} state={state} />
      ))}
    </ul>
  );
}
