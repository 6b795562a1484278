/** UI text of the friends pages (add friend, requests, friend detail, blocklist, account settings). */
export const friendsZh = {
  friends: {
    title: '好友',
  },
};

export const friendsEn: typeof friendsZh = {
  friends: {
    title: 'Friends',
  },
};
