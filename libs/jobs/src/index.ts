export * from './job-queue.port';
export * from './inline-job-queue';
export * from './bullmq-job-queue';
