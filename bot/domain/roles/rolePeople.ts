import type { RoleRepository } from './roleRepository';
import { ROLE_NAMES, type RoleName } from './roles';

/** A person who holds at least one role, with the name stored with their roles and every role held. */
export interface PersonWithRoles {
  personId: string;
  name: string;
  roles: { role: RoleName; scope: string }[];
}

/** Everyone the roles table knows, by name in Norwegian order (the local identity mode's person picker). */
export async function peopleWithRoles(roles: RoleRepository): Promise<PersonWithRoles[]> {
  const people = new Map<string, PersonWithRoles>();
  for (const role of ROLE_NAMES) {
    for (const a of await roles.holders(role)) {
      const person = people.get(a.personId) ?? {
        personId: a.personId,
        name: a.personName ?? a.personId,
        roles: [],
      };
      if (a.personName) person.name = a.personName;
      person.roles.push({ role: a.role, scope: a.scope });
      people.set(a.personId, person);
    }
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'nn'));
}
