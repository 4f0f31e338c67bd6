/*
 * 连心：“办理操作”里的照片——办理人上传办理前、办理后的照片（JPEG 或 PNG，每张不超过 10 MB，每个阶段最多 6 张），
 * 并以缩略图查看这件诉求的全部照片（群众提交的、办理前的、办理后的）。照片在平台上重新编码，拍摄地点等信息不会保存。
 */
import { call, dateTime, element, field, imageData, statusLine, upload } from './tasklist-api.js';

async function thumbnails(list, taskId, csrf) {
  list.textContent = '';
  let photos;
  try {
    photos = (await call('GET', '/api/tasks/' + encodeURIComponent(taskId) + '/photos', undefined, csrf)) || [];
  } catch (problem) {
    list.append(element('li', 'text-danger', problem.message));
    return;
  }
  if (photos.length === 0) {
    list.append(element('li', 'lianxin-empty', '这件诉求还没有照片。'));
    return;
  }
  const counts = {};
  for (const photo of photos) {
    counts[photo.stage] = (counts[photo.stage] || 0) + 1;
    const item = element('li', 'lianxin-photo lianxin-photo-' + String(photo.stage).toLowerCase());
    const figure = element('figure');
    const image = element('img', 'lianxin-photo-image');
    image.alt = photo.stageLabel + '照片 ' + counts[photo.stage];
    image.width = 120;
    const caption = element('figcaption', 'lianxin-photo-caption', photo.stageLabel + ' · ' + dateTime(photo.addedAt));
    figure.append(image, caption);
    item.append(figure);
    list.append(item);
    imageData(photo.path, csrf)
      .then(data => {
        image.src = data;
      })
      .catch(problem => {
        caption.textContent = photo.stageLabel + ' · ' + problem.message;
      });
  }
}

/** The photo section of a task the cadre handles: thumbnails and the 上传照片 form. */
export async function photoSection(taskId, csrf) {
  const section = element('div', 'lianxin-photos');
  section.append(element('h4', 'lianxin-operation-title', '照片'));
  const list = element('ul', 'list-inline lianxin-photo-list');
  list.setAttribute('aria-label', '这件诉求的照片');

  const form = element('form', 'lianxin-operation lianxin-photo-form');
  form.noValidate = true;
  const stage = element('select');
  stage.name = 'stage';
  stage.append(new Option('办理前', 'BEFORE'), new Option('办理后', 'AFTER'));
  const files = element('input');
  files.type = 'file';
  files.name = 'photos';
  files.multiple = true;
  files.accept = 'image/jpeg,image/png';
  const stageField = field('照片类别', stage, '办理后的照片会在请群众评价时给群众看。');
  const filesField = field('选择照片', files, 'JPEG 或 PNG，每张不超过 10 MB；拍摄地点等信息会被去除。');
  const button = element('button', 'btn btn-default lianxin-operation-button', '上传照片');
  button.type = 'submit';
  const status = statusLine();
  form.append(stageField, filesField, button, status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    status.clear();
    stageField.showError(null);
    filesField.showError(null);
    if (!files.files || files.files.length === 0) {
      filesField.showError('请选择要上传的照片。');
      status.show('请先选择照片。', false);
      files.focus();
      return;
    }
    const data = new FormData();
    data.append('stage', stage.value);
    Array.from(files.files).forEach(file => data.append('photos', file, file.name));
    button.disabled = true;
    try {
      const added = await upload('/api/tasks/' + encodeURIComponent(taskId) + '/photos', data, csrf);
      files.value = '';
      status.show('已上传' + stage.options[stage.selectedIndex].text + '照片 ' + added.length + ' 张。', true);
      await thumbnails(list, taskId, csrf);
    } catch (problem) {
      if (problem.fields.photos) {
        filesField.showError(problem.fields.photos);
      }
      if (problem.fields.stage) {
        stageField.showError(problem.fields.stage);
      }
      const details = Object.values(problem.fields || {}).join('；');
      status.show(problem.message + (details ? '（' + details + '）' : ''), false);
    } finally {
      button.disabled = false;
    }
  });
  section.append(list, form);
  await thumbnails(list, taskId, csrf);
  return section;
}
