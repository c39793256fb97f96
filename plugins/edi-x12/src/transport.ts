import type { MailboxConfig } from './config'
import { FolderMailbox, type MailboxTransport } from './mailbox'
import { SftpMailbox } from './sftp-mailbox'

/** The instance's mailbox: its SFTP server when `sftp` is set, else its folder. */
export function openMailbox(config: MailboxConfig): Promise<MailboxTransport> {
  if (config.sftp)
    return SftpMailbox.open(config.sftp, {
      ...(config.sftpPrivateKey ? { privateKey: config.sftpPrivateKey } : {}),
      ...(config.sftpPassphrase ? { passphrase: config.sftpPassphrase } : {}),
      ...(config.sftpPassword ? { password: config.sftpPassword } : {}),
    })
  // The config's refinement makes one of the two present.
  return Promise.resolve(new FolderMailbox(config.mailbox!))
}

/** Runs `use` with the mailbox open, and closes it however `use` ends. */
export async function withMailbox<T>(
  config: MailboxConfig,
  use: (mailbox: MailboxTransport) => Promise<T>,
): Promise<T> {
  const mailbox = await openMailbox(config)
  try {
    return await use(mailbox)
  } finally {
    await mailbox.close()
  }
}
