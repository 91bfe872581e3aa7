import type { Static } from '@sinclair/typebox';
import type { JobHandler } from '../../platform/jobs/job-definition';
import type { Notify } from '../notifications/notifications.service';
import type { taskReminderJob } from './task-reminder.job';
import { OPEN_STATUSES, findTask } from './tasks.repository';

/**
 * Notifies the assignee, once (the notification is written in the job's completing
 * transaction). A reminder whose task was done, rescheduled or reassigned since does nothing:
 * the task points at its current reminder job.
 */
export const taskReminderHandler =
  (notify: Notify): JobHandler<Static<typeof taskReminderJob.payload>> =>
  async (run) => {
    await run.complete(async (tx) => {
      const task = await findTask(tx, run.payload.taskId);
      if (!task || task.reminder_job_id !== run.id || !OPEN_STATUSES.includes(task.status) || !task.assignee_id || !task.due_at) {
        run.log.info({ taskId: run.payload.taskId }, 'reminder no longer applies');
        return;
      }
      const due = new Date(task.due_at);
      const when = due.getTime() <= run.now().getTime() ? 'now' : `at ${task.due_at.slice(11, 16)} UTC on ${task.due_at.slice(0, 10)}`;
      await notify(tx, [{ userId: task.assignee_id, type: 'task.reminder', title: `Due ${when}: ${task.title}`, objectType: 'tasks', objectId: task.id, actorId: null }]);
    });
  };
