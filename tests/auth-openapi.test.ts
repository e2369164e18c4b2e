/** The sign-in routes as the OpenAPI document tells them: security scheme, roles, problem answers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from './harness/app.ts'

describe('auth routes in the OpenAPI document', () => {
  let t: TestApp
  let spec: any
  beforeAll(async () => {
    t = await makeTestApp('embedded')
    spec = await (await t.app.request('/openapi.json')).json()
  })
  afterAll(async () => t?.close())

  const protectedOps = [
    ['post', '/api/v1/auth/logout'],
    ['get', '/api/v1/auth/me'],
    ['get', '/api/v1/auth/sessions'],
    ['delete', '/api/v1/auth/sessions'],
    ['delete', '/api/v1/auth/sessions/{session_id}'],
    ['post', '/api/v1/auth/password'],
    ['delete', '/api/v1/auth/users/{user_id}/sessions'],
    ['post', '/api/v1/users/tenant/users'],
  ] as const

  it('registers the bearerAuth scheme', () => {
    expect(spec.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
  })

  it('protected routes declare bearerAuth (and, unless they need a person, apiKey) and their 401/403/429 problem answers', () => {
    for (const [method, path] of protectedOps) {
      const op = spec.paths[path]?.[method]
      expect(op, `${method} ${path}`).toBeTruthy()
      expect(op.security, `${method} ${path}`).toContainEqual({ bearerAuth: [] })
      for (const status of ['401', '403', '429']) {
        expect(op.responses[status]?.content?.['application/problem+json'], `${method} ${path} ${status}`).toBeTruthy()
      }
    }
  })

  it('admin routes say which role they need', () => {
    for (const [method, path] of [
      ['delete', '/api/v1/auth/users/{user_id}/sessions'],
      ['post', '/api/v1/users/tenant/users'],
    ] as const) {
      const op = spec.paths[path][method]
      expect(op['x-required-role']).toBe('admin')
      expect(op.description).toContain('role admin or above')
    }
  })

  it('sign-in routes are public, limited (429) and documented with their bodies', () => {
    for (const path of ['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/auth/refresh']) {
      const op = spec.paths[path].post
      expect(op.security ?? [], path).toEqual([])
      expect(op.responses['429'], path).toBeTruthy()
      expect(op.requestBody.content['application/json'].schema, path).toBeTruthy()
    }
    expect(spec.paths['/api/v1/auth/login'].post.responses['401']).toBeTruthy()
    expect(spec.paths['/.well-known/jwks.json'].get.responses['200']).toBeTruthy()
    expect(spec.components.schemas.TokenPair.required).toEqual(
      expect.arrayContaining(['access_token', 'refresh_token', 'token_type', 'expires_in', 'session_id']),
    )
  })
})
