import { Modal } from '@mantine/core';
import { useProfileEditor } from '@renderer/stores/profile-editor-store';
import { useWorkspaceTabs } from '@renderer/stores/workspace-tabs-store';
import { ProfileForm } from './profile-form';

/** The add/edit dialog. A stray click outside must not throw away a typed password, so only Esc/Cancel close it. */
export function ProfileFormModal() {
  const { opened, editing, openTabAfterSave, openCount, prefill, close } = useProfileEditor();
  const openSqlTab = useWorkspaceTabs((s) => s.openSqlTab);
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={
        editing ? (openTabAfterSave ? `Connect to ${editing.name}` : 'Edit connection') : 'New connection'
      }
      size={500}
      closeOnClickOutside={false}
      centered
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {/* A fresh form per opening: no leftover values or results from the last one. */}
      <ProfileForm
        key={openCount}
        profile={editing}
        prefill={prefill}
        onDone={close}
        submitLabel={openTabAfterSave ? 'Save and connect' : undefined}
        askPassword={openTabAfterSave}
        onSaved={openTabAfterSave ? (saved) => openSqlTab(saved.id, saved.name) : undefined}
      />
    </Modal>
  );
}
