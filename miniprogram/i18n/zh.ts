/** Chinese UI text (the default language). Every key here must exist in en.ts too (the type checks it). */
import { chatZh } from './chat';
import { friendsZh } from './friends';
import { groupsZh } from './groups';

export const zh = {
  ...friendsZh,
  ...chatZh,
  ...groupsZh,
  appName: 'Floo 演示',
  tabs: { conversations: '消息', contacts: '联系人', profile: '我' },
  login: {
    title: '登录',
    username: '用户名',
    password: '密码',
    usernamePlaceholder: '请输入用户名',
    passwordPlaceholder: '请输入密码',
    submit: '登录',
    register: '注册新账号',
    settings: '服务器设置',
    server: '服务器',
    resuming: '正在恢复登录…',
    missing: '请输入用户名和密码',
  },
  register: {
    title: '注册',
    confirm: '确认密码',
    confirmPlaceholder: '请再次输入密码',
    submit: '注册并登录',
    mismatch: '两次输入的密码不一致',
    hint: '用户名以字母开头',
  },
  settings: {
    title: '服务器设置',
    appId: 'App ID',
    dnsServer: '服务发现地址',
    language: '语言',
    save: '保存',
    reset: '恢复默认',
    saved: '已保存',
    invalidUrl: '服务发现地址需以 http:// 或 https:// 开头',
    invalidAppId: '请输入 App ID',
    loggedInNote: '退出登录后才能修改服务器',
  },
  conversations: {
    title: '消息',
    empty: '还没有会话，去联系人里找人聊聊吧',
    delete: '删除',
    connecting: '连接中…',
    offline: '网络已断开，正在重连',
  },
  contacts: {
    title: '联系人',
    friends: '好友',
    groups: '群组',
    noFriends: '暂无好友',
    noGroups: '暂无群组',
    members: '{n} 人',
  },
  profile: {
    title: '我',
    userId: '用户 ID',
    language: '语言',
    settings: '服务器设置',
    logout: '退出登录',
  },
  kinds: {
    image: '[图片]', audio: '[语音]', video: '[视频]', file: '[文件]', location: '[位置]', other: '[消息]',
  },
  time: { yesterday: '昨天' },
  errors: {
    kicked: '账号已在其他设备登录',
    expired: '登录已过期，请重新登录',
    failed: '操作失败：{reason}',
  },
  languages: { zh: '中文', en: 'English' },
};
