import type { TSchema } from '@sinclair/typebox';
import type { ResourceType } from '../resource-types.js';
import { toStructuralSchema, type JsonSchemaProps } from './structural-schema.js';

export interface PrinterColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  jsonPath: string;
  format?: string;
}

export interface CrdDefinition {
  resource: ResourceType;
  spec: TSchema;
  /** Omitted for kinds without a status (AppBinding): no status subresource either. */
  status?: TSchema;
  printerColumns: PrinterColumn[];
}

export interface CustomResourceDefinition {
  apiVersion: 'apiextensions.k8s.io/v1';
  kind: 'CustomResourceDefinition';
  metadata: { name: string; labels: Record<string, string> };
  spec: {
    group: string;
    names: {
      kind: string;
      listKind: string;
      plural: string;
      singular: string;
      shortNames?: string[];
      categories: string[];
    };
    scope: 'Namespaced';
    versions: Array<{
      name: string;
      served: boolean;
      storage: boolean;
      schema: { openAPIV3Schema: JsonSchemaProps };
      subresources?: { status: Record<string, never> };
      additionalPrinterColumns: PrinterColumn[];
    }>;
  };
}

const AGE_COLUMN: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };

function openApiSchema({ spec, status }: CrdDefinition): JsonSchemaProps {
  return toStructuralSchema({
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      spec,
      ...(status ? { status } : {}),
    },
  });
}

export function buildCrd(definition: CrdDefinition): CustomResourceDefinition {
  const { resource, status, printerColumns } = definition;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${resource.plural}.${resource.group}`, labels: { 'app.kubernetes.io/name': 'restash' } },
    spec: {
      group: resource.group,
      names: {
        kind: resource.kind,
        listKind: `${resource.kind}List`,
        plural: resource.plural,
        singular: resource.singular,
        ...(resource.shortNames.length > 0 ? { shortNames: [...resource.shortNames] } : {}),
        categories: [...resource.categories],
      },
      scope: 'Namespaced',
      versions: [
        {
          name: resource.version,
          served: true,
          storage: true,
          schema: { openAPIV3Schema: openApiSchema(definition) },
          ...(status ? { subresources: { status: {} } } : {}),
          additionalPrinterColumns: [...printerColumns, AGE_COLUMN],
        },
      ],
    },
  };
}
