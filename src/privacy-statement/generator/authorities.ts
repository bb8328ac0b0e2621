/** The supervisory authorities: one table in src/core, shared with the scan's advice. */
export { authorityDisplayName, authorityFor, SUPERVISORY_AUTHORITIES, type SupervisoryAuthority } from '../../core/supervisory-authorities.js';
