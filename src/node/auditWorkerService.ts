import type { MessagePort } from 'node:worker_threads';
import { Auditor, type AuditorDefaults } from '../engine';
import { auditJob, type AuditJob, type AuditJobHooks, type AuditJobResult } from './auditJob';
import { batchHost } from './nodeHost';

/** What every worker of a pool is started with: how the main thread's auditor was made. */
export interface AuditWorkerData {
  defaults: AuditorDefaults;
  /** `--config`: one configuration for every file instead of the nearest `.dipsample.yaml`. */
  configFile?: string;
  /** V8 flags the worker sets as it starts (`heapFlagsForWorkers`): the CLI's heap sizing. */
  heapFlags?: readonly string[];
}

export interface AuditJobsMessage {
  jobs: AuditJob[];
}

export interface AuditResultsMessage {
  results: AuditJobResult[];
}

/**
 * A worker's side of the pool: its own auditor (rule sets, packs and review files read and compiled
 * once per worker), auditing each batch of jobs and posting the reports back.
 */
export function serveAudits(port: MessagePort, data: AuditWorkerData, hooks: AuditJobHooks = {}): void {
  const auditor = new Auditor(batchHost(), data.defaults);
  port.on('message', (message: AuditJobsMessage) => {
    void Promise.all(message.jobs.map((job) => auditJob(auditor, job, data.configFile, hooks))).then((results) =>
      port.postMessage({ results } satisfies AuditResultsMessage),
    );
  });
}
