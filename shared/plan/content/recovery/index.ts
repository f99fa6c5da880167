/**
 * Chapter: recovery — the order in which components come back (from the dependency graph) and
 * one runbook per scenario: activation, detection, decision, steps per tier in dependency order,
 * validation against the achieved RTO and RPO, failback. The folder's door: chapter (the chapter
 * and escalation), sequence (recovery order), runbook (its fixed outline), steps (router, tier
 * and datastore steps), special-steps (corruption, partition, traffic shift) and after
 * (validation and failback).
 */
export { recoveryChapter } from './chapter';
