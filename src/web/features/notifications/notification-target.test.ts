import { describe, expect, it } from 'vitest';
import { badgeCount, notificationTarget } from './notification-target';

describe('notification target', () => {
  it('opens records by their kind and tasks on the tasks page', () => {
    expect(notificationTarget({ objectType: 'contacts', objectId: 'abc' })).toBe('/contacts/abc');
    expect(notificationTarget({ objectType: 'companies', objectId: 'x' })).toBe('/companies/x');
    expect(notificationTarget({ objectType: 'tasks', objectId: 't1' })).toBe('/tasks?task=t1');
  });
  it('opens nothing without a target, or for a kind that is not a plain name', () => {
    expect(notificationTarget({ objectType: null, objectId: null })).toBeNull();
    expect(notificationTarget({ objectType: '//evil.example', objectId: 'x' })).toBeNull();
  });
  it('caps the badge', () => {
    expect(badgeCount(3)).toBe('3');
    expect(badgeCount(12)).toBe('9+');
  });
});
