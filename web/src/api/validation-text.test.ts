import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { th } from '../i18n/th';
import { ApiError } from './api-error';
import { parseValidationReason } from './validation-reason';
import { fieldLabel, validationText } from './validation-text';

beforeAll(async () => {
  await i18next.init({
    resources: { en: { translation: en }, th: { translation: th } },
    lng: 'th',
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
  });
});

const say = (message: string, language: 'th' | 'en') =>
  validationText(parseValidationReason(message)!, i18next.getFixedT(language), language);

describe('validationText', () => {
  it('names the field as the form does and says the rule, in Thai and in English', () => {
    const message = `body/rtspUrl must match pattern "^rtsp://[A-Za-z0-9]+$"`;
    expect(say(message, 'th')).toBe('ที่อยู่สตรีม (RTSP): ต้องเป็นที่อยู่แบบ rtsp:// ที่ไม่มีช่องว่าง เช่น rtsp://192.168.1.20:554/stream1');
    expect(say(message, 'en')).toBe('Stream address (RTSP): must be an rtsp:// address without spaces, e.g. rtsp://192.168.1.20:554/stream1');
  });

  it('numbers list items from 1 and names only them and the last field', () => {
    expect(say('body/zones/1/nameTh must NOT have fewer than 1 characters', 'th')).toBe('โซนที่ 2 › ชื่อ (ภาษาไทย): ต้องไม่เว้นว่าง');
    expect(say('body/zones/1/nameTh must NOT have fewer than 1 characters', 'en')).toBe('Zone 2 › Name (Thai): must not be empty');
    expect(say('body/groups/0/cameraIds/2 must be integer', 'en')).toBe('Camera group 1 › Camera 3: must be a whole number');
    expect(say('body/cycleSeconds must be <= 600', 'th')).toBe('วินาทีต่อกลุ่ม: ต้องไม่เกิน 600');
    expect(say('body/zones/0/polygon/3/1 must be <= 1', 'en')).toBe('Zone 1 › Corner 4: must be at most 1');
  });

  it('names the camera credentials by where they are, and unknown fields by their own name', () => {
    const t = i18next.getFixedT('en');
    expect(fieldLabel(['rtspCredentials', 'username'], t, 'en')).toBe('Camera user name');
    expect(fieldLabel(['username'], t, 'en')).toBe('Username');
    expect(fieldLabel(['modelId'], t, 'en')).toBe('Field “modelId”');
    expect(fieldLabel([], t, 'en')).toBe('The data sent');
  });
});

describe('ApiError.localizedMessage', () => {
  it('says a schema refusal in the UI language, not the validator’s English the Thai reply only prefixes', () => {
    const error = new ApiError(400, {
      message: 'body/name must NOT have more than 80 characters',
      messageTh: 'ข้อมูลไม่ถูกต้อง: body/name must NOT have more than 80 characters',
    });
    expect(error.localizedMessage('th')).toBe('ชื่อ (ภาษาอังกฤษ): ยาวได้ไม่เกิน 80 ตัวอักษร');
    expect(error.localizedMessage('en')).toBe('Name (English): may have at most 80 characters');
  });

  it('keeps the server’s own bilingual reasons', () => {
    const error = new ApiError(400, { message: 'The points are on one line', messageTh: 'จุดอยู่บนเส้นตรงเดียวกัน' });
    expect(error.localizedMessage('th')).toBe('จุดอยู่บนเส้นตรงเดียวกัน');
    expect(error.localizedMessage('en')).toBe('The points are on one line');
    expect(new ApiError(409, { message: 'body/name must be string' }).validation).toBeNull();
  });
});
