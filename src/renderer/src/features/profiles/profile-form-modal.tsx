import { Modal } from '@mantine/core';
import { useProfileEditor } from '@renderer/stores/profile-editor-store';
import { ProfileForm } from './profile-form';

/** The add/edit dialog. A stray click outside must not throw away a typed password, so only Esc/Cancel close it. */
export function ProfileFormModal() {
  const { opened, editing, openCount, close } = useProfileEditor();
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={editing ? 'Edit connection' : 'New connection'}
      size={500}
      closeOnClickOutside={false}
      centered
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {/* A fresh form per opening: no leftover values or results from the last one. */}
      <ProfileForm key={openCount} profile={editing} onDone={close} />
    </Modal>
  );
}
