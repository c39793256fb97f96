/**
 * The editor as a library: the console (console/) bundles it as its Rules section and shares its
 * sign-in. The styles come with the workspace, so importing this entry is all a host needs.
 */
import '@xyflow/react/dist/style.css'
import './ui/styles.css'

export type { Me } from './api/client'
export { Api, ApiError, UNAUTHORIZED_EVENT } from './api/client'
export { useApiKeySession } from './ui/App'
export { SignIn } from './ui/SignIn'
export { Workspace } from './ui/Workspace'
