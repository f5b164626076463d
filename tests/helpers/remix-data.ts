import { decode } from "turbo-stream";

/**
 * Remix's single-fetch body (turbo-stream), decoded; thrown responses become { status, data },
 * redirects { redirect }.
 */
export async function decodeBody(response: Response): Promise<unknown> {
  const decoded = await decode(response.body!, {
    plugins: [
      (type: string, ...rest: unknown[]) => {
        if (type === "ErrorResponse") return { value: { status: rest[1], data: rest[0] } };
        if (type === "SanitizedError") return { value: new Error(String(rest[1])) };
        if (type === "SingleFetchRedirect") return { value: { redirect: rest[0] } };
        return false;
      },
    ],
  });
  await decoded.done;
  return decoded.value;
}
