import type { CommunitySettings, Role, StageDeadlines } from '@core';
import { call } from './client';

/** 督单 statistics, the public 晾晒 board, the monthly 考核 and the admin's settings. */
export const supervisorBoard = (role: Role, month: string | null) => call('statistics', 'board', { role, month });
export const publicBoard = (communityId: string, month: string) => call('statistics', 'public', { communityId, month });
export const getAssessment = (role: Role, month: string) => call('statistics', 'assessment', { role, month });
export const publishAssessment = (role: Role, month: string) => call('statistics', 'publish', { role, month });
export const exportAssessment = (role: Role, month: string, format: 'csv' | 'xlsx') => call('statistics', 'export', { role, month, format });

export const adminSettings = () => call('admin', 'settings', { role: 'admin' });
/** Weights are sent as whole percentages. */
export const updateSettings = (change: { defaultDeadlines?: StageDeadlines; weights?: CommunitySettings['weights']; escalationMinutes?: number }) =>
  call('admin', 'updateSettings', { role: 'admin', ...change });
export const updateService = (change: {
  serviceItemId: string;
  deadlines?: StageDeadlines;
  useDefaultDeadlines?: boolean;
  redPriceFen?: number;
  marketPriceFen?: number;
  active?: boolean;
}) => call('admin', 'updateService', { role: 'admin', ...change });
