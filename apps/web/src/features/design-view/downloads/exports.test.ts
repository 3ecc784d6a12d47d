import { describe, expect, it } from 'vitest';
import { attachmentName, fileStem } from './exports';

describe('fileStem', () => {
  it("names a download after the design's folder and model file", () => {
    expect(fileStem('petstore/openapi.yaml')).toBe('petstore-openapi');
    expect(fileStem('api.json')).toBe('api');
    expect(fileStem('my api/v 2.yml')).toBe('my-api-v-2');
  });
});

describe('attachmentName', () => {
  it("reads the server's file name", () => {
    expect(attachmentName('attachment; filename="pets-cdk.zip"')).toBe('pets-cdk.zip');
    expect(attachmentName(null)).toBeUndefined();
  });
});
