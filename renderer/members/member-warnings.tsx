/** The service's warnings about a member's 备案表 details (members.check), shown while the form is filled in. */
import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api-context';

export interface WatchedPerson {
  name?: string | undefined;
  isCpcMember?: boolean | undefined;
  partyJoinDate?: string | undefined;
}

export function MemberWarnings({ person }: { person: WatchedPerson }) {
  const api = useApi();
  const input = {
    ...(person.name ? { name: person.name.slice(0, 50) } : {}),
    ...(typeof person.isCpcMember === 'boolean' ? { isCpcMember: person.isCpcMember } : {}),
    ...(person.partyJoinDate ? { partyJoinDate: person.partyJoinDate.slice(0, 10) } : {}),
  };
  const { data } = useQuery({
    queryKey: ['members.check', input],
    queryFn: () => api['members.check']({ person: input }),
  });
  if (!data?.warnings.length) return null;
  return (
    <div data-testid="member-warnings" style={{ marginBottom: 12 }}>
      {data.warnings.map((w) => (
        <Alert key={w.code} type="warning" showIcon title={w.message} />
      ))}
    </div>
  );
}
