// The sample district a first visit opens with, and the framework and plan it is scored against.
export const SAMPLE: { file: string; frameworkId: string; profileId: string } = {
  file: 'nam-dan-2023-2024.csv',
  frameworkId: 'dti-xa-minh-hoa',
  profileId: 'kh-cds-khanh-son-2024',
};
