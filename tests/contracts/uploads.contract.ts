/**
 * Contract of the uploads repository (src/repositories/uploads.ts) on one document backend.
 * Every test uses its own tenant, so tests share the collection safely.
 */
import { describe, expect, it } from 'vitest'
import { DuplicateKeyError, InvalidTransitionError, ValidationError } from '../../src/errors.ts'
import type { DocumentStore } from '../../src/ports.ts'
import { createUploadsRepository, type NewUpload, type UploadsRepository } from '../../src/repositories/uploads.ts'
import { uniq } from '../harness/services.ts'
import { withIndexes } from './collection.contract.ts'

export function uploadsContract(store: () => DocumentStore): void {
  describe('Uploads repository contract', () => {
    withIndexes(store)
    const repo = (now?: () => Date): UploadsRepository => createUploadsRepository(store(), now ? { now } : {})
    const upload = (tenant: string, extra: Partial<NewUpload> = {}): NewUpload => ({
      tenant_id: tenant,
      user_id: 'user-1',
      source: 'api-service',
      environment: 'production',
      service_name: 'billing',
      file_name: 'app.log',
      file_size: 1048576,
      format_type: 'json',
      ...extra,
    })

    it('create generates an upload_id, starts pending, and get returns it', async () => {
      const tenant = uniq('tenant')
      const created = await repo().create(upload(tenant, { task_id: 'abc123-def456' }))
      expect(created.upload_id).toMatch(/^upload_\d{8}_\d{6}_[0-9a-f]{8}$/)
      expect(created).toMatchObject({ status: 'pending', log_count: 0, processing_time: null, errors: [], completed_at: null, task_id: 'abc123-def456' })
      const got = await repo().get(tenant, created.upload_id)
      expect(got).toMatchObject({ upload_id: created.upload_id, tenant_id: tenant, file_size: 1048576, format_type: 'json', _id: created._id })
      expect(got!.created_at).toBeInstanceOf(Date)
    })

    it('upload_id is unique per tenant: a duplicate is a DuplicateKeyError and overwrites nothing; another tenant may use it', async () => {
      const tenant = uniq('tenant')
      const uploadId = uniq('upload')
      await repo().create(upload(tenant, { upload_id: uploadId, file_name: 'first.log' }))
      await expect(repo().create(upload(tenant, { upload_id: uploadId, file_name: 'second.log' }))).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(await repo().get(tenant, uploadId)).toMatchObject({ file_name: 'first.log', tenant_id: tenant })
      const other = uniq('other')
      await repo().create(upload(other, { upload_id: uploadId, file_name: 'theirs.log' }))
      expect(await repo().get(other, uploadId)).toMatchObject({ file_name: 'theirs.log', tenant_id: other })
      expect(await repo().get(tenant, uploadId)).toMatchObject({ file_name: 'first.log', tenant_id: tenant })
    })

    it('get and delete are tenant-scoped', async () => {
      const tenant = uniq('tenant')
      const intruder = uniq('intruder')
      const { upload_id } = await repo().create(upload(tenant))
      expect(await repo().get(intruder, upload_id)).toBeNull()
      expect(await repo().delete(intruder, upload_id)).toBe(false)
      expect(await repo().updateStatus(intruder, upload_id, 'processing')).toBeNull()
      expect(await repo().get(tenant, upload_id)).toMatchObject({ status: 'pending' })
      expect(await repo().delete(tenant, upload_id)).toBe(true)
      expect(await repo().get(tenant, upload_id)).toBeNull()
      expect(await repo().delete(tenant, upload_id)).toBe(false)
    })

    it('byTask and recent return the tenant’s uploads newest first', async () => {
      const tenant = uniq('tenant')
      const task = uniq('task')
      const base = Date.parse('2026-01-10T00:00:00Z')
      for (let i = 0; i < 4; i++) {
        await repo(() => new Date(base + i * 60_000)).create(upload(tenant, { upload_id: `${tenant}-${i}`, task_id: i < 3 ? task : 'other-task' }))
      }
      await repo().create(upload(uniq('other'), { task_id: task }))
      expect((await repo().byTask(tenant, task)).map((u) => u.upload_id)).toEqual([`${tenant}-2`, `${tenant}-1`, `${tenant}-0`])
      expect((await repo().recent(tenant, 2)).map((u) => u.upload_id)).toEqual([`${tenant}-3`, `${tenant}-2`])
      expect(await repo().recent(tenant)).toHaveLength(4)
      await expect(repo().recent(tenant, 0)).rejects.toBeInstanceOf(ValidationError)
    })

    it('list filters, paginates with totals and sorts', async () => {
      const tenant = uniq('tenant')
      const base = Date.parse('2026-02-01T00:00:00Z')
      const rows = [
        { source: 'api', environment: 'production', user_id: 'u1', format_type: 'json', file_size: 10 },
        { source: 'api', environment: 'staging', user_id: 'u2', format_type: 'csv', file_size: 30 },
        { source: 'worker', environment: 'production', user_id: 'u1', format_type: 'json', file_size: 20 },
        { source: 'api', environment: 'production', user_id: 'u2', format_type: 'ndjson', file_size: 50 },
        { source: 'worker', environment: 'staging', user_id: 'u1', format_type: 'text', file_size: 40 },
      ] as const
      for (const [i, r] of rows.entries()) {
        await repo(() => new Date(base + i * 3_600_000)).create(upload(tenant, { ...r, upload_id: `${tenant}-${i}`, service_name: i % 2 ? 'b' : 'a' }))
      }
      await repo().create(upload(uniq('other'), { source: 'api' }))
      await repo().updateStatus(tenant, `${tenant}-0`, 'processing')
      await repo().updateStatus(tenant, `${tenant}-3`, 'processing')

      const ids = (r: { items: { upload_id: string }[] }) => r.items.map((u) => u.upload_id.slice(tenant.length + 1))
      const all = await repo().list(tenant)
      expect(all.total).toBe(5)
      expect(ids(all)).toEqual(['4', '3', '2', '1', '0'])
      const page2 = await repo().list(tenant, {}, { page: 2, page_size: 2, sort: 'created_at' })
      expect(page2).toMatchObject({ total: 5, page: 2, page_size: 2 })
      expect(ids(page2)).toEqual(['2', '3'])
      expect(ids(await repo().list(tenant, {}, { sort: '-file_size' }))).toEqual(['3', '4', '1', '2', '0'])
      expect(ids(await repo().list(tenant, { source: 'api', environment: 'production' }))).toEqual(['3', '0'])
      expect(ids(await repo().list(tenant, { status: 'processing' }))).toEqual(['3', '0'])
      expect(ids(await repo().list(tenant, { user_id: 'u1', format_type: 'json' }))).toEqual(['2', '0'])
      expect(ids(await repo().list(tenant, { service_name: 'b' }))).toEqual(['3', '1'])
      const window = await repo().list(tenant, { created_after: new Date(base + 3_600_000), created_before: new Date(base + 4 * 3_600_000) })
      expect(ids(window)).toEqual(['3', '2', '1'])
      expect(window.total).toBe(3)
      const filteredPage = await repo().list(tenant, { source: 'api' }, { page: 1, page_size: 1 })
      expect(filteredPage.total).toBe(3)
      expect(filteredPage.items).toHaveLength(1)
      await expect(repo().list(tenant, {}, { sort: 'password' })).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().list(tenant, {}, { page_size: 101 })).rejects.toBeInstanceOf(ValidationError)
    })

    it('pending → failed is allowed (refused before processing); failed is final', async () => {
      const tenant = uniq('tenant')
      const { upload_id } = await repo().create(upload(tenant))
      const failed = await repo().updateStatus(tenant, upload_id, 'failed', { errors: ['bad format'] })
      expect(failed).toMatchObject({ status: 'failed', errors: ['bad format'] })
      expect(failed!.completed_at).toBeInstanceOf(Date)
      await expect(repo().updateStatus(tenant, upload_id, 'processing')).rejects.toBeInstanceOf(InvalidTransitionError)
    })

    it('status transitions: pending → processing → success; illegal ones are InvalidTransitionError', async () => {
      const tenant = uniq('tenant')
      const { upload_id } = await repo().create(upload(tenant))
      await expect(repo().updateStatus(tenant, upload_id, 'success')).rejects.toBeInstanceOf(InvalidTransitionError)
      await expect(repo().updateStatus(tenant, upload_id, 'pending')).rejects.toBeInstanceOf(InvalidTransitionError)
      const processing = await repo().updateStatus(tenant, upload_id, 'processing')
      expect(processing).toMatchObject({ status: 'processing', completed_at: null })
      const done = await repo().updateStatus(tenant, upload_id, 'success', { log_count: 1500, processing_time: 2.5 })
      expect(done).toMatchObject({ status: 'success', log_count: 1500, processing_time: 2.5 })
      expect(done!.completed_at).toBeInstanceOf(Date)
      const err = await repo()
        .updateStatus(tenant, upload_id, 'failed')
        .catch((e: unknown) => e)
      expect(err).toBeInstanceOf(InvalidTransitionError)
      expect(err).toMatchObject({ from: 'success', to: 'failed' })
      await expect(repo().updateStatus(tenant, upload_id, 'processing')).rejects.toBeInstanceOf(InvalidTransitionError)
      expect(await repo().get(tenant, upload_id)).toMatchObject({ status: 'success', log_count: 1500 })
      expect(await repo().updateStatus(tenant, uniq('missing'), 'processing')).toBeNull()
      await expect(repo().updateStatus(tenant, upload_id, 'done' as never)).rejects.toBeInstanceOf(ValidationError)
    })

    it('concurrent transitions: exactly one wins, the rest are InvalidTransitionError', async () => {
      const tenant = uniq('tenant')
      const { upload_id } = await repo().create(upload(tenant))
      const starts = await Promise.allSettled(Array.from({ length: 5 }, () => repo().updateStatus(tenant, upload_id, 'processing')))
      expect(starts.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      for (const r of starts) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(InvalidTransitionError)
      const ends = await Promise.allSettled([
        repo().updateStatus(tenant, upload_id, 'success', { log_count: 10 }),
        repo().updateStatus(tenant, upload_id, 'failed', { errors: ['boom'] }),
        repo().updateStatus(tenant, upload_id, 'success', { log_count: 20 }),
      ])
      const winners = ends.filter((r) => r.status === 'fulfilled')
      expect(winners).toHaveLength(1)
      const final = await repo().get(tenant, upload_id)
      expect(final!.status).toBe((winners[0] as PromiseFulfilledResult<{ status: string }>).value.status)
      if (final!.status === 'failed') expect(final!.errors).toEqual(['boom'])
    })

    it('stats: counts, sums and average processing time by status over N days', async () => {
      const tenant = uniq('tenant')
      const make = async (status: 'pending' | 'success' | 'failed', log_count: number, file_size: number, processing_time?: number, daysAgo = 1) => {
        const at = () => new Date(Date.now() - daysAgo * 86_400_000)
        const u = await repo(at).create(upload(tenant, { file_size }))
        if (status === 'pending') return
        await repo(at).updateStatus(tenant, u.upload_id, 'processing')
        await repo(at).updateStatus(tenant, u.upload_id, status, { log_count, ...(processing_time === undefined ? {} : { processing_time }) })
      }
      await make('success', 1000, 100, 2)
      await make('success', 3000, 300, 3)
      await make('success', 500, 50, 2.5, 10)
      await make('failed', 0, 70, 1)
      await make('failed', 5, 30) // no processing_time: excluded from the average
      await make('pending', 0, 5)
      await make('success', 99999, 99999, 99, 45) // outside 30 days
      await repo().create(upload(uniq('other'), { file_size: 123456 }))

      const s30 = await repo().stats(tenant, 30)
      expect(s30).toEqual({
        period_days: 30,
        total_uploads: 6,
        total_logs: 4505,
        total_size_bytes: 555,
        by_status: {
          success: { count: 3, total_logs: 4500, total_size_bytes: 450, avg_processing_time: 2.5 },
          failed: { count: 2, total_logs: 5, total_size_bytes: 100, avg_processing_time: 1 },
          pending: { count: 1, total_logs: 0, total_size_bytes: 5, avg_processing_time: null },
        },
      })
      const s7 = await repo().stats(tenant, 7)
      expect(s7.total_uploads).toBe(5)
      expect(s7.by_status.success).toEqual({ count: 2, total_logs: 4000, total_size_bytes: 400, avg_processing_time: 2.5 })
      const s90 = await repo().stats(tenant, 90)
      expect(s90.total_uploads).toBe(7)
      expect(s90.by_status.success!.avg_processing_time).toBeCloseTo((2 + 3 + 2.5 + 99) / 4, 3)
      expect(await repo().stats(uniq('empty'), 30)).toEqual({ period_days: 30, total_uploads: 0, total_logs: 0, total_size_bytes: 0, by_status: {} })
      await expect(repo().stats(tenant, 0)).rejects.toBeInstanceOf(ValidationError)
    })

    it('operator injection is refused wherever a value is expected; nothing widens', async () => {
      const tenant = uniq('tenant')
      const { upload_id } = await repo().create(upload(tenant, { status: 'pending' }))
      const ne = { $ne: 'x' } as never
      await expect(repo().get(tenant, ne)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().get(ne, upload_id)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().delete(tenant, { $exists: true } as never)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().list(ne)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().list(tenant, { status: ne })).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().list(tenant, { source: { $gt: '' } as never })).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().list(tenant, { user_id: ne })).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().list(tenant, { created_after: { $gt: 0 } as never })).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().list(tenant, { $where: 'true' } as never)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().byTask(tenant, ne)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().stats(ne, 30)).rejects.toBeInstanceOf(ValidationError)
      await expect(repo().create(upload(tenant, { file_size: { $gt: 0 } as never }))).rejects.toBeInstanceOf(ValidationError)
      // A string that looks like an operator is a literal.
      expect((await repo().list(tenant, { source: '{"$ne":"x"}' })).total).toBe(0)
      expect(await repo().get(tenant, upload_id)).not.toBeNull()
    })
  })
}
