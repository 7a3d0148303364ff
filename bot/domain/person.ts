/** A person as the app knows them: the stable id (Azure AD object id in Teams) and a display name. */
export interface Person {
  id: string;
  name: string;
}
