import { imageKind, imageRepository } from './image-kind.js';

describe('imageKind', () => {
  it.each([
    ['restash', 'restash'],
    ['restash:dev', 'restash'],
    ['ghcr.io/acme/restash:1.2', 'restash'],
    ['localhost:5000/restash@sha256:abc', 'restash'],
    ['mysql:8.0.14', 'mariadb'],
    ['mariadb:11', 'mariadb'],
    ['docker.io/library/mysql:8', 'mariadb'],
    ['postgres:16', 'postgres'],
    ['wordpress:5.3.2-apache', 'other'],
    ['acme/mysql-exporter', 'other'],
    ['restash-helper', 'other'],
  ])('%s is %s', (image, kind) => {
    expect(imageKind(image)).toBe(kind);
  });

  it('strips registry, tag and digest from the repository', () => {
    expect(imageRepository('registry.example.com:443/team/app:1@sha256:ff')).toBe('team/app');
    expect(imageRepository('app')).toBe('app');
  });
});
