/**
 * A fleet of sensors: devices report telemetry while online, drain their batteries, drop
 * off and reconnect, raise alerts on hot readings that technicians resolve, and take
 * firmware updates.
 *
 * Run it: npx deep-faker run examples/iot-telemetry.ts --seed 42 --start 2025-01-01T00:00:00Z --out telemetry.jsonl
 *
 * Consistency this file keeps (and test/examples checks):
 * - a device reports only while connected, and its battery never rises without a replacement;
 * - an alert belongs to a device that exists, and is resolved once, after it was raised.
 */
import {
  defineEvent, defineEntity, Field, StateField, Simulation,
  NewEvent, AddDecay, Select, SetState, StdOutOutput,
} from 'deep-faker';

const FIRMWARE = { current: '2.4.1', next: '2.5.0' } as const;
/** Readings above this raise an alert. */
export const HOT_C = 40;

// ---------------------------------------------------------------- events

export const DeviceRegistered = defineEvent('DeviceRegistered', {
  device_id: Field.string({ primaryKey: true, faker: 'bothify', text: 'dev-????-####' }),
  model: Field.enum(['TH-100', 'TH-200', 'AQ-10'], { faker: 'random_element', elements: ['TH-100', 'TH-200', 'AQ-10'] }),
  site: Field.string({ faker: 'city' }),
  latitude: Field.float({ faker: 'location.latitude' }),
  longitude: Field.float({ faker: 'location.longitude' }),
  firmware: Field.string({ default: FIRMWARE.current }),
  serial_number: Field.string({ faker: 'ean', length: 13 }),
  installed_at: Field.datetime({ faker: 'now' }),
});

export const TelemetryReported = defineEvent('TelemetryReported', {
  device_id: Field.string(),
  temperature_c: Field.float(),
  humidity_pct: Field.float({ faker: 'pyfloat', min_value: 20, max_value: 80, right_digits: 1 }),
  battery_pct: Field.float(),
  rssi_dbm: Field.int({ faker: 'random_int', min: -110, max: -40 }),
});

export const DeviceDisconnected = defineEvent('DeviceDisconnected', {
  device_id: Field.string(),
  reason: Field.string({ faker: 'random_element', elements: ['network_lost', 'power_save', 'gateway_reboot'] }),
});

export const DeviceConnected = defineEvent('DeviceConnected', {
  device_id: Field.string(),
  gateway_ip: Field.string({ faker: 'ipv4' }),
});

export const BatteryReplaced = defineEvent('BatteryReplaced', {
  device_id: Field.string(),
  technician: Field.string({ faker: 'name' }),
});

export const AlertRaised = defineEvent('AlertRaised', {
  alert_id: Field.string({ primaryKey: true, faker: 'shortuuid', length: 12 }),
  device_id: Field.string(),
  severity: Field.enum(['warning', 'critical']),
  temperature_c: Field.float(),
});

export const AlertResolved = defineEvent('AlertResolved', {
  alert_id: Field.string(),
  device_id: Field.string(),
  resolution: Field.string({ faker: 'random_element', elements: ['ventilation_fixed', 'sensor_recalibrated', 'false_alarm'] }),
});

export const FirmwareUpdated = defineEvent('FirmwareUpdated', {
  device_id: Field.string(),
  from_version: Field.string(),
  to_version: Field.string(),
});

// ---------------------------------------------------------------- entities

export const Device = defineEntity('Device', {
  sourceEvent: DeviceRegistered,
  primaryKey: 'device_id',
  state: {
    model: StateField.string({ fromField: 'model' }),
    firmware: StateField.string({ fromField: 'firmware' }),
    status: StateField.enum(['online', 'offline'], { default: 'online' }),
    battery_pct: StateField.float({ faker: 'pyfloat', min_value: 8, max_value: 100, right_digits: 1 }),
    /** The device's normal temperature; readings wander around it. */
    baseline_c: StateField.float({ faker: 'pyfloat', min_value: 18, max_value: 30, right_digits: 1 }),
  },
});

export const Alert = defineEntity('Alert', {
  sourceEvent: AlertRaised,
  primaryKey: 'alert_id',
  state: {
    device_id: StateField.string({ fromField: 'device_id' }),
    status: StateField.enum(['open', 'resolved'], { default: 'open' }),
  },
});

// ---------------------------------------------------------------- simulation

const sim = new Simulation({
  duration: '2h',
  startTime: 'now',
  timeStep: '1s',
  nFlows: 0.3, // a flow every three or four seconds on average
  randomSeed: 42,
  initialEntities: [[Device, 300]],
  history: 'current', // telemetry-heavy: keep current state only
});

const round1 = (x: number): number => Math.round(x * 10) / 10;

sim.flow({ initiationWeight: 0.2 }, function* device_registration(ctx) {
  yield NewEvent(ctx, DeviceRegistered, { saveEntity: Device });
});

sim.flow(
  { initiationWeight: 10, filter: Select(Device, { where: [['status', 'is', 'online'], ['battery_pct', 'greater_than', 5]] }) },
  function* telemetry_session(ctx) {
    let alerted = false;
    for (;;) {
      const device = ctx.getEntity(Device)!;
      // Mostly near the baseline; now and then a hot spell.
      const spike = ctx.random() < 0.01 ? ctx.faker.number.float({ min: 10, max: 20 }) : 0;
      const temperature = round1(device.baseline_c + ctx.faker.number.float({ min: -1.5, max: 1.5 }) + spike);
      const battery = round1(Math.max(0, device.battery_pct - ctx.faker.number.float({ min: 0.05, max: 0.4 })));

      yield NewEvent(ctx, TelemetryReported, {
        fields: { temperature_c: temperature, battery_pct: battery },
        mutate: SetState(Device, [['battery_pct', 'is', (e) => e.battery_pct]]),
      });
      if (temperature > HOT_C && !alerted) {
        alerted = true; // a flow holds one Alert: one per session
        yield NewEvent(ctx, AlertRaised, {
          saveEntity: Alert,
          fields: { severity: temperature > HOT_C + 5 ? 'critical' : 'warning', temperature_c: temperature },
        });
      }
      yield AddDecay(ctx, { rate: 0.03, seconds: 60 });
    }
  },
);

sim.flow(
  { initiationWeight: 1, filter: Select(Device, { where: [['status', 'is', 'online']] }) },
  function* device_disconnect(ctx) {
    yield NewEvent(ctx, DeviceDisconnected, { mutate: SetState(Device, [['status', 'is', 'offline']]) });
  },
);

sim.flow(
  { initiationWeight: 1.5, filter: Select(Device, { where: [['status', 'is', 'offline']] }) },
  function* device_reconnect(ctx) {
    const device = ctx.getEntity(Device)!;
    if (device.battery_pct < 20) {
      yield NewEvent(ctx, BatteryReplaced, { mutate: SetState(Device, [['battery_pct', 'is', 100]]) });
      yield AddDecay(ctx, { rate: 0, minutes: 1 });
    }
    yield NewEvent(ctx, DeviceConnected, { mutate: SetState(Device, [['status', 'is', 'online']]) });
  },
);

sim.flow(
  { initiationWeight: 0.5, filter: Select(Device, { where: [['battery_pct', 'less_than', 10], ['status', 'is', 'online']] }) },
  function* low_battery_shutdown(ctx) {
    yield NewEvent(ctx, DeviceDisconnected, {
      fields: { reason: 'battery_low' },
      mutate: SetState(Device, [['status', 'is', 'offline']]),
    });
  },
);

sim.flow(
  { initiationWeight: 2, filter: Select(Alert, { where: [['status', 'is', 'open']] }) },
  function* alert_resolution(ctx) {
    yield AddDecay(ctx, { rate: 0, minutes: 8 }); // a technician is on the way
    yield NewEvent(ctx, AlertResolved, {
      fields: { device_id: ctx.getEntity(Alert)!.device_id },
      mutate: SetState(Alert, [['status', 'is', 'resolved']]),
    });
  },
);

sim.flow(
  {
    initiationWeight: 0.3,
    filter: Select(Device, { where: [['status', 'is', 'online'], ['firmware', 'is', FIRMWARE.current]] }),
  },
  function* firmware_update(ctx) {
    yield AddDecay(ctx, { rate: 0.1, minutes: 2 }); // the download fails now and then
    yield NewEvent(ctx, FirmwareUpdated, {
      fields: { from_version: FIRMWARE.current, to_version: FIRMWARE.next },
      mutate: SetState(Device, [['firmware', 'is', FIRMWARE.next]]),
    });
  },
);

sim.addOutput(new StdOutOutput());

export default sim;
