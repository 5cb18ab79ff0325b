/** Plan import (issue 14): versions of a plan, their text and changes, the upload with progress, "Gebruik als basis". */
import { isApiErrorBody } from "../../shared/errors.ts";
import type {
  PlanVersionChanges,
  PlanVersionDetail,
  PlanVersionList,
  PlanVersionSummary,
  UseSectionsInput,
  UseSectionsInSpiegelInput,
} from "../../shared/schemas/plans.ts";
import { api, ApiRequestError } from "./http.ts";

const plan = (id: string) => `/api/plans/${encodeURIComponent(id)}`;
const version = (id: string) => `/api/plan-versions/${encodeURIComponent(id)}`;

export interface UploadProgress {
  /** Bytes sent so far and in total. */
  loaded: number;
  total: number;
  /** True once every byte is sent and the server is reading the file. */
  processing: boolean;
}

/**
 * Sends a plan file as the raw body. XMLHttpRequest rather than fetch: only it reports upload
 * progress, which a 20 MB file on a slow line needs.
 */
function uploadWithProgress(
  planId: string,
  file: File,
  label: string,
  onProgress: (p: UploadProgress) => void,
): Promise<PlanVersionSummary> {
  const query = new URLSearchParams({ fileName: file.name, ...(label ? { label } : {}) });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${plan(planId)}/versions?${query.toString()}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.total || file.size, processing: false });
    xhr.upload.onload = () => onProgress({ loaded: file.size, total: file.size, processing: true });
    xhr.onerror = () =>
      reject(new ApiRequestError(0, "NETWORK", "Geen verbinding met de server. Controleer uw internetverbinding."));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as PlanVersionSummary);
      else if (isApiErrorBody(data))
        reject(new ApiRequestError(xhr.status, data.error.code, data.error.message, data.error.field));
      else reject(new ApiRequestError(xhr.status, "INTERNAL", `De server antwoordde met fout ${xhr.status}.`));
    };
    xhr.send(file);
  });
}

export const planApi = {
  versions: (planId: string) => api.get<PlanVersionList>(`${plan(planId)}/versions`),
  upload: uploadWithProgress,
  version: (versionId: string) => api.get<PlanVersionDetail>(version(versionId)),
  changes: (versionId: string) => api.get<PlanVersionChanges>(`${version(versionId)}/changes`),
  /** Address of the original file, for a plain download link. */
  fileUrl: (versionId: string) => `${version(versionId)}/file`,
  useAsBasis: (versionId: string, input: UseSectionsInput) =>
    api.post<{ pointId: string }>(`${version(versionId)}/use`, input),
  useInSpiegelparagraaf: (versionId: string, input: UseSectionsInSpiegelInput) =>
    api.post<{ document: string; sections: number }>(`${version(versionId)}/use-in-spiegelparagraaf`, input),
};
