/** The GitHub API client every step uses, with its retry, rate-limit and timeout rules. */
import * as core from '@actions/core'
import * as github from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type Client = ReturnType<typeof client>

/** A request of the GitHub API that got no answer within the `api-timeout` input's seconds. */
export class ApiTimeout extends Error {
  override readonly name = 'AbortError'
  constructor(seconds: number) {
    super(`GitHub did not answer within ${seconds} s (the \`api-timeout\` input)`)
  }
}

/**
 * The REST client: retries transient failures, waits out primary rate limits (twice at most), and
 * gives up on a request that gets no answer within `timeout` seconds (not retried: a write may have
 * landed), so that a stalled API can never hold the step.
 */
export function client(token: string, timeout: number) {
  // Each request aborted with an AbortError (ApiTimeout), which octokit passes on as it is and the
  // retry plugin does not retry; AbortSignal.timeout's TimeoutError would be wrapped and retried.
  const timedFetch = (url: string | URL | Request, init: RequestInit = {}) => {
    const stop = new AbortController()
    setTimeout(() => stop.abort(new ApiTimeout(timeout)), timeout * 1000).unref()
    return fetch(url, { ...init, signal: stop.signal })
  }
  return github.getOctokit(
    token,
    {
      throttle: throttle(),
      retry: { doNotRetry: [400, 401, 403, 404, 422] },
      request: { fetch: timedFetch }
    },
    retry,
    throttling
  )
}

function throttle() {
  return {
    onRateLimit: (
      retryAfter: number,
      options: { method: string; url: string },
      _octokit: unknown,
      retryCount: number
    ) => {
      core.warning(
        `GitHub API rate limit on ${options.method} ${options.url}; retrying after ${retryAfter} s`
      )
      return retryCount < 2
    },
    onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }) => {
      core.warning(`GitHub API secondary rate limit on ${options.method} ${options.url}; not retrying`)
      return false
    }
  }
}
