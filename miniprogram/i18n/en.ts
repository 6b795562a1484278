/** English UI text. */
import { chatEn } from './chat';
import { friendsEn } from './friends';
import { groupsEn } from './groups';
import type { zh } from './zh';

export const en: typeof zh = {
  ...friendsEn,
  ...chatEn,
  ...groupsEn,
  appName: 'Floo Demo',
  tabs: { conversations: 'Chats', contacts: 'Contacts', profile: 'Me' },
  login: {
    title: 'Log in',
    username: 'Username',
    password: 'Password',
    usernamePlaceholder: 'Enter your username',
    passwordPlaceholder: 'Enter your password',
    submit: 'Log in',
    register: 'Create an account',
    settings: 'Server settings',
    server: 'Server',
    resuming: 'Restoring your session…',
    missing: 'Enter a username and a password',
  },
  register: {
    title: 'Sign up',
    confirm: 'Confirm',
    confirmPlaceholder: 'Enter the password again',
    submit: 'Sign up and log in',
    mismatch: 'The passwords do not match',
    hint: 'Usernames start with a letter',
  },
  settings: {
    title: 'Server settings',
    appId: 'App ID',
    dnsServer: 'Discovery URL',
    language: 'Language',
    save: 'Save',
    reset: 'Reset to defaults',
    saved: 'Saved',
    invalidUrl: 'The discovery URL must start with http:// or https://',
    invalidAppId: 'Enter an App ID',
    loggedInNote: 'Log out to change the server',
  },
  conversations: {
    title: 'Chats',
    empty: 'No chats yet: pick someone in Contacts',
    delete: 'Delete',
    connecting: 'Connecting…',
    offline: 'Offline, reconnecting',
  },
  contacts: {
    title: 'Contacts',
    friends: 'Friends',
    groups: 'Groups',
    noFriends: 'No friends yet',
    noGroups: 'No groups yet',
    members: '{n} members',
  },
  profile: {
    title: 'Me',
    userId: 'User ID',
    language: 'Language',
    settings: 'Server settings',
    logout: 'Log out',
  },
  kinds: {
    image: '[Image]', audio: '[Voice]', video: '[Video]', file: '[File]', location: '[Location]', other: '[Message]',
  },
  time: { yesterday: 'Yesterday' },
  errors: {
    kicked: 'You logged in on another device',
    expired: 'Your session expired; please log in again',
    failed: 'Failed: {reason}',
  },
  languages: { zh: '中文', en: 'English' },
};
