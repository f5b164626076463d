/**
 * Every module that defines jobs, loaded before the engine starts (its repeating jobs are read
 * then). A new kind of job: `defineJob` in its feature, and one import here.
 */
import "./returns-sync.server";
import "../features/notifications/notifications.server";
import "../features/webhooks/webhooks.server";
import "./maintenance.server";
