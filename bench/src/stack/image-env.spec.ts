import { imageNodeEnv } from './image-env.js';

describe("the image's Node settings", () => {
  it("are read from the runtime stage's ENV, quoted values whole, container paths left out", () => {
    const dockerfile = [
      'FROM node:20 AS build',
      'ENV NODE_ENV=development',
      'FROM node:20-slim AS runtime',
      'ENV NODE_ENV=production \\',
      '    NODE_OPTIONS="--max-semi-space-size=2 --stack-trace-limit=20" \\',
      '    HOME=/home/restash',
    ].join('\n');
    expect(imageNodeEnv(dockerfile)).toEqual({ NODE_ENV: 'production', NODE_OPTIONS: '--max-semi-space-size=2 --stack-trace-limit=20' });
  });

  it('are empty when the image sets none', () => {
    expect(imageNodeEnv('FROM node:20\nENTRYPOINT ["x"]')).toEqual({});
  });
});
