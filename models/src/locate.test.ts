// locateModel: finds and verifies the real weights; a missing or different file fails with what to do.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateModel, ModelFileError } from './locate';
import { getManifest, listModels } from './registry';
import { defaultModelsDir, sharedDir } from './shared-paths';

describe('locateModel', () => {
  it.each(listModels().map((m) => m.id))(
    'finds %s in the shared models directory with the right sha256',
    async (id) => {
      const file = await locateModel(getManifest(id));
      expect(file).toBe(path.join(defaultModelsDir(), getManifest(id).file));
    },
  );

  it('resolves MODELS_DIR, then SHARED_DIR/models, then ../shared/models beside the repo', () => {
    expect(defaultModelsDir({ MODELS_DIR: '/m', SHARED_DIR: '/s' })).toBe('/m');
    expect(defaultModelsDir({ SHARED_DIR: '/s' })).toBe('/s/models');
    const repo = path.resolve(import.meta.dirname, '..', '..');
    expect(defaultModelsDir({})).toBe(path.resolve(repo, '..', 'shared', 'models'));
    expect(sharedDir({})).toBe(path.resolve(repo, '..', 'shared'));
  });

  it('names the file, both hashes and the download URL when the content differs', async () => {
    const manifest = { ...getManifest('yolox_nano_416'), sha256: '0'.repeat(64) };
    const error = await locateModel(manifest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileError);
    const { message } = error as ModelFileError;
    expect(message).toContain(path.join(defaultModelsDir(), 'yolox_nano_416_coco.onnx'));
    expect(message).toContain(`expected sha256 ${'0'.repeat(64)}`);
    expect(message).toContain('actual c789161ed43c8269fcd4e67c67eeeb4e80c622da2eb296a20bc6007bd18a0b7d');
    expect(message).toContain(manifest.upstreamUrl);
  });

  it('says the file is missing, with the expected hash and where to download it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'models-'));
    const manifest = getManifest('picodet_s_320');
    const error = (await locateModel(manifest, { modelsDir: dir }).catch(
      (e: unknown) => e,
    )) as ModelFileError;
    expect(error.message).toContain(path.join(dir, 'picodet_s_320_coco.onnx'));
    expect(error.message).toContain('is missing');
    expect(error.message).toContain(manifest.sha256);
    expect(error.message).toContain('actual none');
    expect(error.message).toContain(manifest.upstreamUrl);
    expect(error.actualSha256).toBeNull();
  });

  it('hashes a file again when it changes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'models-'));
    const manifest = { ...getManifest('picodet_s_320'), file: 'tiny.onnx' };
    writeFileSync(path.join(dir, 'tiny.onnx'), 'abc');
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    await expect(locateModel({ ...manifest, sha256: abc }, { modelsDir: dir })).resolves.toContain(
      'tiny.onnx',
    );
    writeFileSync(path.join(dir, 'tiny.onnx'), 'abcd');
    await expect(locateModel({ ...manifest, sha256: abc }, { modelsDir: dir })).rejects.toThrow(
      'has the wrong content',
    );
  });
});
