import { Badge } from '@fluentui/react-components';
import { useSession } from '../session';
import { priorityGroupLabel } from '../referenceLabels';

/** A measure's priority patient groups as tags (labels from bot/domain/partnership.ts). */
export function PriorityTags({ groups, label }: { groups: string[]; label: string }) {
  const { lang } = useSession();
  if (groups.length === 0) return null;
  return (
    <ul className="tags" aria-label={label}>
      {groups.map((g) => (
        <li key={g}>
          <Badge appearance="outline" color="brand" shape="rounded" className="tag">
            {priorityGroupLabel(g, lang)}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
