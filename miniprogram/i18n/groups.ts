/** UI text of the group pages (create, info, members, settings, announcements, join). */
export const groupsZh = {
  groups: {
    title: '群组',
  },
};

export const groupsEn: typeof groupsZh = {
  groups: {
    title: 'Groups',
  },
};
