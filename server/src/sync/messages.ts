import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType, SyncType } from '@cocrea/shared';

/** Encoders for the frames the server sends, so every frame layout lives in one place. */

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncType.step1);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  return encoding.toUint8Array(e);
}

/** Answers a client's sync step 1: everything the server has that its state vector lacks. */
export function syncStep2Message(doc: Y.Doc, remoteStateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncType.step2);
  encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, remoteStateVector));
  return encoding.toUint8Array(e);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncType.update);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}

export function storedMessage(count: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.stored);
  encoding.writeVarUint(e, count);
  return encoding.toUint8Array(e);
}

export function refusedMessage(count: number, tool: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.refused);
  encoding.writeVarUint(e, count);
  encoding.writeVarString(e, tool);
  return encoding.toUint8Array(e);
}

/** The agenda as everybody sees it, already serialized: one JSON string sent to many sockets. */
export function agendaMessage(snapshotJson: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.agenda);
  encoding.writeVarString(e, snapshotJson);
  return encoding.toUint8Array(e);
}

/** A notice about the mesa's versions (message 103), already serialized: one JSON string sent to many sockets. */
export function noticeMessage(noticeJson: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.notice);
  encoding.writeVarString(e, noticeJson);
  return encoding.toUint8Array(e);
}

/** The mesa's vote as everybody sees it (message 105), already serialized: one JSON string sent to many sockets. */
export function voteMessage(voteJson: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.vote);
  encoding.writeVarString(e, voteJson);
  return encoding.toUint8Array(e);
}

/** One seat's own dots (message 106): sent to that seat's sockets only. */
export function ownBallotMessage(ballotJson: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.ownBallot);
  encoding.writeVarString(e, ballotJson);
  return encoding.toUint8Array(e);
}
